/*
 * The native hand-edit scanner of a large `.maestro/` (lib/store/mirrorScan.ts): what
 * `find . -cnewer <reference> -print0` prints, walked by a thread of this process instead of a
 * child. A status spawning find paid about 15 ms of its main thread on the 2-core bench machine
 * (loading child_process, the fork, and the copy-on-write faults the fork leaves behind); this
 * costs a dlopen and a pthread_create, and the stats run on the other core while the command's
 * bundle loads (scripts/bench.mjs measures both).
 *
 * start(dir, reference) starts the walk and returns a handle, or null; finish(handle) waits for it
 * and returns its records, or null when anything failed (as find exits non-zero when an entry
 * vanishes mid-walk): the caller then checks every file. Records end with a NUL byte:
 *   `.` or `./a/b`            a path whose ctime is newer than the reference's mtime, as find prints it;
 *   `#<files> <dirs> ./a/b`   for each of those that is a directory, how many of its entries are
 *                             not directories and how many are, leaving out dot names and `*.tmp`
 *                             (what Mirror.mirroredEntries leaves out), so that status need not
 *                             read a 2,000-entry directory again to count it.
 *
 * Node-API's C functions are declared here rather than taken from node_api.h: they are a stable
 * ABI, resolved from the node binary at load time, so the build needs only a C compiler.
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <fcntl.h>
#include <limits.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#ifdef __APPLE__
#define st_ctim st_ctimespec
#define st_mtim st_mtimespec
#endif

typedef struct napi_env__ *napi_env;
typedef struct napi_value__ *napi_value;
typedef struct napi_callback_info__ *napi_callback_info;
typedef int napi_status;
typedef napi_value (*napi_callback)(napi_env, napi_callback_info);
typedef void (*napi_finalize)(napi_env, void *, void *);
extern napi_status napi_get_cb_info(napi_env, napi_callback_info, size_t *, napi_value *, napi_value *, void **);
extern napi_status napi_get_value_string_utf8(napi_env, napi_value, char *, size_t, size_t *);
extern napi_status napi_create_string_utf8(napi_env, const char *, size_t, napi_value *);
extern napi_status napi_create_external(napi_env, void *, napi_finalize, void *, napi_value *);
extern napi_status napi_get_value_external(napi_env, napi_value, void **);
extern napi_status napi_get_null(napi_env, napi_value *);
extern napi_status napi_create_function(napi_env, const char *, size_t, napi_callback, void *, napi_value *);
extern napi_status napi_set_named_property(napi_env, napi_value, const char *, napi_value);

typedef struct {
  char *dir;
  char *reference;
  pthread_t thread;
  int joined;
  int failed;
  struct timespec since;
  char *out;
  size_t length;
  size_t capacity;
} scan_t;

/* Appends `text` and its NUL terminator to the records. */
static int append(scan_t *scan, const char *text, size_t length) {
  if (scan->length + length + 1 > scan->capacity) {
    size_t capacity = scan->capacity ? scan->capacity * 2 : 4096;
    while (capacity < scan->length + length + 1) capacity *= 2;
    char *grown = realloc(scan->out, capacity);
    if (!grown) return -1;
    scan->out = grown;
    scan->capacity = capacity;
  }
  memcpy(scan->out + scan->length, text, length);
  scan->out[scan->length + length] = 0;
  scan->length += length + 1;
  return 0;
}

/* find's -cnewer: the status change is strictly later than the reference's modification. */
static int is_newer(const struct stat *st, const struct timespec *since) {
  return st->st_ctim.tv_sec > since->tv_sec || (st->st_ctim.tv_sec == since->tv_sec && st->st_ctim.tv_nsec > since->tv_nsec);
}

/* A name the mirror can hold as state: Mirror.mirroredEntries leaves out the others. */
static int is_counted(const char *name, size_t length) {
  return name[0] != '.' && !(length >= 4 && strcmp(name + length - 4, ".tmp") == 0);
}

/*
 * Walks the directory open as `fd`, whose path is path[0..length): a record for each entry whose
 * ctime is newer, then the directory's own counts when `changed`. Takes ownership of `fd`.
 */
static int walk(scan_t *scan, int fd, char *path, size_t length, int changed) {
  DIR *dir = fdopendir(fd);
  if (!dir) {
    close(fd);
    return -1;
  }
  struct dirent *entry;
  unsigned long files = 0, dirs = 0;
  int result = 0;
  while ((entry = readdir(dir))) {
    const char *name = entry->d_name;
    if (name[0] == '.' && (name[1] == 0 || (name[1] == '.' && name[2] == 0))) continue;
    size_t name_length = strlen(name);
    if (length + 1 + name_length >= PATH_MAX) { result = -1; break; }
    path[length] = '/';
    memcpy(path + length + 1, name, name_length + 1);
    struct stat st;
    if (fstatat(dirfd(dir), name, &st, AT_SYMLINK_NOFOLLOW) != 0) { result = -1; break; }
    int newer = is_newer(&st, &scan->since);
    if (newer && append(scan, path, length + 1 + name_length) != 0) { result = -1; break; }
    if (S_ISDIR(st.st_mode)) {
      if (is_counted(name, name_length)) dirs++;
      int child = openat(dirfd(dir), name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
      if (child < 0 || walk(scan, child, path, length + 1 + name_length, newer) != 0) { result = -1; break; }
    } else if (is_counted(name, name_length)) {
      files++;
    }
  }
  closedir(dir);
  path[length] = 0;
  if (result == 0 && changed) {
    char record[PATH_MAX + 48];
    int written = snprintf(record, sizeof record, "#%lu %lu %s", files, dirs, path);
    if (written < 0 || (size_t)written >= sizeof record) return -1;
    result = append(scan, record, (size_t)written);
  }
  return result;
}

static void *run(void *argument) {
  scan_t *scan = argument;
  char path[PATH_MAX] = ".";
  struct stat reference, root;
  int fd = open(scan->dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0 || fstatat(fd, scan->reference, &reference, 0) != 0 || fstat(fd, &root) != 0) {
    if (fd >= 0) close(fd);
    scan->failed = 1;
    return NULL;
  }
  scan->since = reference.st_mtim;
  int newer = is_newer(&root, &scan->since);
  if ((newer && append(scan, ".", 1) != 0) || walk(scan, fd, path, 1, newer) != 0) scan->failed = 1;
  return NULL;
}

static void join(scan_t *scan) {
  if (scan->joined) return;
  pthread_join(scan->thread, NULL);
  scan->joined = 1;
}

/* A handle dropped without finish (an abandoned scan) waits for its thread before freeing what it reads. */
static void release(napi_env env, void *data, void *hint) {
  (void)env;
  (void)hint;
  scan_t *scan = data;
  join(scan);
  free(scan->dir);
  free(scan->reference);
  free(scan->out);
  free(scan);
}

static char *copy_string(napi_env env, napi_value value) {
  size_t length;
  if (napi_get_value_string_utf8(env, value, NULL, 0, &length) != 0) return NULL;
  char *text = malloc(length + 1);
  if (text && napi_get_value_string_utf8(env, value, text, length + 1, &length) != 0) {
    free(text);
    return NULL;
  }
  return text;
}

/* start(dir: string, reference: string): handle | null; `reference` is relative to `dir`. */
static napi_value start(napi_env env, napi_callback_info info) {
  size_t argc = 2;
  napi_value argv[2], result;
  napi_get_null(env, &result);
  if (napi_get_cb_info(env, info, &argc, argv, NULL, NULL) != 0 || argc < 2) return result;
  scan_t *scan = calloc(1, sizeof *scan);
  if (!scan) return result;
  scan->dir = copy_string(env, argv[0]);
  scan->reference = copy_string(env, argv[1]);
  if (!scan->dir || !scan->reference || pthread_create(&scan->thread, NULL, run, scan) != 0) {
    free(scan->dir);
    free(scan->reference);
    free(scan);
    return result;
  }
  if (napi_create_external(env, scan, release, NULL, &result) != 0) {
    release(env, scan, NULL);
    napi_get_null(env, &result);
  }
  return result;
}

/* finish(handle): string | null — the records, once the walk is done. */
static napi_value finish(napi_env env, napi_callback_info info) {
  size_t argc = 1;
  napi_value argv[1], result;
  void *data;
  napi_get_null(env, &result);
  if (napi_get_cb_info(env, info, &argc, argv, NULL, NULL) != 0 || argc < 1 || napi_get_value_external(env, argv[0], &data) != 0) return result;
  scan_t *scan = data;
  join(scan);
  if (!scan->failed && napi_create_string_utf8(env, scan->out ? scan->out : "", scan->length, &result) != 0) napi_get_null(env, &result);
  return result;
}

napi_value napi_register_module_v1(napi_env env, napi_value exports) {
  napi_value function;
  if (napi_create_function(env, "start", 5, start, NULL, &function) == 0) napi_set_named_property(env, exports, "start", function);
  if (napi_create_function(env, "finish", 6, finish, NULL, &function) == 0) napi_set_named_property(env, exports, "finish", function);
  return exports;
}
