/* pw-store.h — the SQLite database that holds everything
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <sqlite3.h>

#include "pw-types.h"

G_BEGIN_DECLS

#define PW_STORE_ERROR (pw_store_error_quark ())

typedef enum
{
  PW_STORE_ERROR_FAILED,
  PW_STORE_ERROR_NOT_DATABASE, /* the file is not an SQLite database */
  PW_STORE_ERROR_CORRUPT,      /* an SQLite database that cannot be read */
  PW_STORE_ERROR_TOO_NEW,      /* written by a newer Pairwise */
  PW_STORE_ERROR_IO,           /* the file cannot be created, read or written */
  PW_STORE_ERROR_BUSY,         /* another program held the database too long */
  PW_STORE_ERROR_NOT_FOUND,    /* no such record */
  PW_STORE_ERROR_CONSTRAINT,   /* the change breaks a rule of the schema */
} PwStoreError;

/* The schema version this build writes (PRAGMA user_version). */
#define PW_STORE_SCHEMA_VERSION pw_store_schema_version ()

#define PW_TYPE_STORE (pw_store_get_type ())
G_DECLARE_FINAL_TYPE (PwStore, pw_store, PW, STORE, GObject)

GQuark        pw_store_error_quark      (void);
int           pw_store_schema_version   (void);
char         *pw_store_default_path     (void);
char         *pw_store_resolve_path     (const char    *cli_path);
PwStore      *pw_store_open             (const char    *path,
                                         GError       **error);
const char   *pw_store_get_path         (PwStore       *self);
const char   *pw_store_get_backup_path  (PwStore       *self);
int           pw_store_get_version      (PwStore       *self);

gboolean      pw_store_begin            (PwStore       *self,
                                         GError       **error);
gboolean      pw_store_commit           (PwStore       *self,
                                         GError       **error);
void          pw_store_rollback         (PwStore       *self);
gboolean      pw_store_in_transaction   (PwStore       *self);

sqlite3_stmt *pw_store_prepare          (PwStore       *self,
                                         const char    *sql,
                                         GError       **error);
int           pw_store_step             (PwStore       *self,
                                         sqlite3_stmt  *stmt,
                                         GError       **error);
gboolean      pw_store_exec             (PwStore       *self,
                                         const char    *sql,
                                         GError       **error);
gint64        pw_store_last_insert_id   (PwStore       *self);
int           pw_store_changes          (PwStore       *self);
gboolean      pw_store_set_error        (PwStore       *self,
                                         int            rc,
                                         GError       **error);
void          pw_store_emit_changed     (PwStore       *self,
                                         const char    *table);

/* Backups: copies taken with SQLite's backup API, mode 0600, named
 * pairwise-YYYYMMDD.db (daily) or pairwise-YYYYMMDD-HHMMSS.db (taken
 * before a restore). */
#define PW_STORE_BACKUPS_KEPT 5

typedef struct
{
  char      *path;
  GDateTime *modified;  /* when it was taken */
  gint64     size;      /* bytes */
} PwBackup;

void          pw_backup_free            (PwBackup      *backup);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PwBackup, pw_backup_free)

char         *pw_store_default_backup_dir (PwStore     *self);
char         *pw_store_backup_now       (PwStore       *self,
                                         const char    *dir,
                                         GError       **error);
gboolean      pw_store_backup_if_due    (PwStore       *self,
                                         const char    *dir,
                                         char         **out_path,
                                         GError       **error);
void          pw_store_backup_if_due_async  (PwStore             *self,
                                             const char          *dir,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data);
gboolean      pw_store_backup_if_due_finish (PwStore             *self,
                                             GAsyncResult        *result,
                                             char               **out_path,
                                             GError             **error);
GPtrArray    *pw_store_list_backups     (const char    *dir,
                                         GError       **error);
gboolean      pw_store_prune_backups    (const char    *dir,
                                         guint          keep,
                                         GError       **error);
gboolean      pw_store_restore          (PwStore       *self,
                                         const char    *backup,
                                         const char    *dir,
                                         char         **out_saved,
                                         GError       **error);

G_END_DECLS
