#!/bin/sh
# SPDX-License-Identifier: BSD-3-Clause
# meson install script: copies the example endpoint configs into the
# config directory, each only where no file of that name exists yet, so a
# reinstall or an upgrade from source never overwrites what a user edited.
#   install_conf.sh CONFDIR FILE...
set -eu
dir=${DESTDIR:-}$1
shift
mkdir -p "$dir"
for f in "$@"; do
	dest=$dir/$(basename "$f")
	if [ -e "$dest" ]; then
		echo "qatsec: keeping existing $dest"
	else
		install -m 0644 "$f" "$dest"
		echo "qatsec: installed $dest"
	fi
done
