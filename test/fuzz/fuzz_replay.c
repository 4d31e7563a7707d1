/* SPDX-License-Identifier: BSD-3-Clause
 * Replays a libFuzzer target's kept corpus without libFuzzer: main() feeds
 * every file of the directories given to LLVMFuzzerTestOneInput(), so that
 * meson's builds (gcc, and the ASan+UBSan pass) run the same checks on the
 * same inputs. A failed check aborts; TAP, one line a directory.
 */
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Every regular file of dir through the target; -1 if dir is unreadable. */
static int
replay_dir(const char *dir)
{
	struct dirent *e;
	char path[4096];
	int n = 0;
	DIR *d = opendir(dir);

	if (d == NULL)
		return -1;
	while ((e = readdir(d)) != NULL) {
		uint8_t *buf;
		long len;
		FILE *f;

		if (e->d_name[0] == '.')
			continue;
		snprintf(path, sizeof(path), "%s/%s", dir, e->d_name);
		f = fopen(path, "rb");
		if (f == NULL)
			continue;
		fseek(f, 0, SEEK_END);
		len = ftell(f);
		rewind(f);
		/* Exact size, as libFuzzer gives it: ASan sees a read past. */
		buf = malloc(len > 0 ? (size_t)len : 1);
		if (buf != NULL && fread(buf, 1, (size_t)len, f) == (size_t)len) {
			LLVMFuzzerTestOneInput(buf, (size_t)len);
			n++;
		}
		free(buf);
		fclose(f);
	}
	closedir(d);
	return n;
}

int
main(int argc, char **argv)
{
	int i, n, failed = 0;

	for (i = 1; i < argc; i++) {
		n = replay_dir(argv[i]);
		if (n <= 0)
			failed++;
		printf("%sok %d - %d inputs of %s replayed\n", n > 0 ? "" : "not ",
			i, n < 0 ? 0 : n, argv[i]);
	}
	printf("1..%d\n", argc - 1);
	return failed ? 1 : 0;
}
