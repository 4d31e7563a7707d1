# SPDX-License-Identifier: BSD-3-Clause
# Sphinx configuration of the qatsec guides (DPDK's doc/guides layout).
# Built with Debian's python3-sphinx, warnings as errors (doc/meson.build).
# The `qatsec-features` directive renders cryptodevs/features/*.ini as the
# feature tables DPDK's guides show (default.ini lists every row).
import configparser
import importlib.util
import os

from docutils import nodes
from docutils.parsers.rst import Directive, directives
from docutils.statemachine import StringList

project = "qatsec"
author = "qatsec maintainers"
copyright = "qatsec maintainers, BSD-3-Clause"


def _version():
    here = os.path.dirname(os.path.abspath(__file__))
    with open(os.path.join(here, "..", "..", "meson.build")) as f:
        for line in f:
            line = line.strip()
            if line.startswith("version:"):
                return line.split("'")[1]
    return "unknown"


version = release = _version()
extensions = []
exclude_patterns = ["_build"]
# Debian's python3-sphinx brings alabaster; fall back to a built-in theme.
html_theme = "alabaster" if importlib.util.find_spec("alabaster") else "classic"
html_static_path = []
man_pages = []


def read_ini(path):
    cp = configparser.ConfigParser(delimiters=("=",), comment_prefixes=(";",),
                                   interpolation=None)
    cp.optionxform = str
    cp.read(path)
    return cp


class FeaturesTable(Directive):
    """.. qatsec-features:: features/qatsec.ini

    One table per section of default.ini: every row default.ini names,
    marked as the driver's ini marks it (Y, P partial, blank).
    """
    required_arguments = 1
    has_content = False

    def run(self):
        src = self.state.document.settings.env.relfn2path(self.arguments[0])[1]
        default = read_ini(os.path.join(os.path.dirname(src), "default.ini"))
        drv = read_ini(src)
        for sec in drv.sections():
            for key in drv[sec]:
                if not default.has_option(sec, key):
                    raise self.error(f"{src}: [{sec}] {key} is not in default.ini")
        lines = []
        for sec in default.sections():
            lines += [f".. list-table:: {sec}", "   :header-rows: 1",
                      "   :widths: 40 10", "", f"   * - {sec}", "     - qatsec"]
            for key in default[sec]:
                mark = drv.get(sec, key, fallback="").strip() if drv.has_section(sec) else ""
                lines += [f"   * - {key}", f"     - {mark or ' '}"]
            lines.append("")
        node = nodes.section()
        node.document = self.state.document
        self.state.nested_parse(StringList(lines, source=src), self.content_offset, node)
        return node.children


def setup(app):
    directives.register_directive("qatsec-features", FeaturesTable)
