/* pw-people-import.h — people from an HR export (CSV) into the directory
 * and a programme, and the people list back out as CSV
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "pw-csv.h"
#include "pw-store.h"

G_BEGIN_DECLS

#define PW_PEOPLE_IMPORT_ERROR (pw_people_import_error_quark ())

typedef enum
{
  PW_PEOPLE_IMPORT_ERROR_INVALID,     /* the file has problems: see get_problems */
  PW_PEOPLE_IMPORT_ERROR_MAPPING,     /* the column mapping is unusable */
  PW_PEOPLE_IMPORT_ERROR_BUSY,        /* the store already has a transaction open */
} PwPeopleImportError;

/* People already in the directory, matched by email without regard to case */
typedef enum
{
  PW_PEOPLE_IMPORT_UPDATE,  /*< nick=update >*/ /* the mapped columns replace their fields */
  PW_PEOPLE_IMPORT_SKIP,    /*< nick=skip >*/   /* left as they are (still enrolled) */
} PwPeopleImportExisting;

/* The pseudo-field of a column holding the manager's email or name, found
 * in the directory or elsewhere in the same file. */
#define PW_PEOPLE_IMPORT_FIELD_MANAGER "manager"

/* Problems kept for the report; any beyond are only counted. */
#define PW_PEOPLE_IMPORT_MAX_PROBLEMS 1000

typedef struct
{
  guint  line;     /* 1-based physical line in the file */
  char  *column;   /* the column's header, or "column N" */
  char  *message;  /* what is wrong and what to do */
} PwImportProblem;

typedef struct
{
  guint added;
  guint updated;
  guint skipped;
  guint enrolled;   /* newly enrolled in the programme */
} PwPeopleImportSummary;

/* Called on the thread (for the async call: the main context) that started
 * the import, with the share of the work done, 0.0 to 1.0.
 *
 * Threads: pw_people_import_run_async() uses the store from a worker
 * thread. The store's SQLite connection is opened SQLITE_OPEN_NOMUTEX, so
 * nobody — the main thread included — may use that store until the
 * callback runs (the app shows a modal progress dialog meanwhile). */
typedef void (*PwPeopleImportProgress) (double   fraction,
                                        gpointer user_data);

#define PW_TYPE_PEOPLE_IMPORT (pw_people_import_get_type ())
G_DECLARE_FINAL_TYPE (PwPeopleImport, pw_people_import, PW, PEOPLE_IMPORT, GObject)

GQuark          pw_people_import_error_quark      (void);

/* Guessing: for each header, the field it most likely holds (a name from
 * pw_person_list_fields() or "manager"), or "" when none. */
GStrv           pw_people_import_guess_mapping    (const char * const *headers);
const char     *pw_people_import_guess_field      (const char   *header);

PwPeopleImport *pw_people_import_new              (PwCsvTable   *table,
                                                   const char   *display_name);
PwPeopleImport *pw_people_import_new_for_data     (const char   *data,
                                                   gsize         length,
                                                   const char   *display_name,
                                                   GError      **error);
PwPeopleImport *pw_people_import_new_for_file     (GFile        *file,
                                                   GCancellable *cancellable,
                                                   GError      **error);

PwCsvTable     *pw_people_import_get_table        (PwPeopleImport *self);
const char     *pw_people_import_get_display_name (PwPeopleImport *self);
guint           pw_people_import_get_n_columns    (PwPeopleImport *self);
guint           pw_people_import_get_n_rows       (PwPeopleImport *self);
const char     *pw_people_import_get_header       (PwPeopleImport *self,
                                                   guint           column);
int             pw_people_import_find_column      (PwPeopleImport *self,
                                                   const char     *header_or_number);

/* The mapping starts as the guess; %NULL or "" ignores a column. */
const char     *pw_people_import_get_mapping      (PwPeopleImport *self,
                                                   guint           column);
gboolean        pw_people_import_set_mapping      (PwPeopleImport *self,
                                                   guint           column,
                                                   const char     *field,
                                                   GError        **error);

void            pw_people_import_set_existing     (PwPeopleImport *self,
                                                   PwPeopleImportExisting existing);
PwPeopleImportExisting
                pw_people_import_get_existing     (PwPeopleImport *self);
/* 0 (the default) imports into the directory only. */
void            pw_people_import_set_programme_id (PwPeopleImport *self,
                                                   gint64          programme_id);
gint64          pw_people_import_get_programme_id (PwPeopleImport *self);
/* Validate and count, but write nothing. */
void            pw_people_import_set_dry_run      (PwPeopleImport *self,
                                                   gboolean        dry_run);

/* The problems of the last validate or run: PwImportProblem, at most
 * PW_PEOPLE_IMPORT_MAX_PROBLEMS of them; n_problems counts them all. */
GPtrArray      *pw_people_import_get_problems     (PwPeopleImport *self);
guint           pw_people_import_get_n_problems   (PwPeopleImport *self);
char           *pw_people_import_format_problem   (PwPeopleImport *self,
                                                   const PwImportProblem *problem);

gboolean        pw_people_import_validate         (PwPeopleImport *self,
                                                   PwStore        *store,
                                                   GError        **error);
gboolean        pw_people_import_run              (PwPeopleImport *self,
                                                   PwStore        *store,
                                                   PwPeopleImportProgress progress,
                                                   gpointer        progress_data,
                                                   GCancellable   *cancellable,
                                                   PwPeopleImportSummary *summary,
                                                   GError        **error);
void            pw_people_import_run_async        (PwPeopleImport *self,
                                                   PwStore        *store,
                                                   PwPeopleImportProgress progress,
                                                   gpointer        progress_data,
                                                   GDestroyNotify  progress_data_destroy,
                                                   GCancellable   *cancellable,
                                                   GAsyncReadyCallback callback,
                                                   gpointer        user_data);
gboolean        pw_people_import_run_finish       (PwPeopleImport *self,
                                                   GAsyncResult   *result,
                                                   PwPeopleImportSummary *summary,
                                                   GError        **error);

/* Export: @people is any GListModel of PwPerson (the current filter). The
 * header row is the field names, so the file imports again with the
 * guessed mapping; "manager" holds the directory manager's email. Sensitive
 * fields are left out unless @with_sensitive. Creating the file readable by
 * its owner only (0600) is the caller's job. */
char           *pw_people_export_csv_string       (PwStore        *store,
                                                   GListModel     *people,
                                                   gboolean        with_sensitive,
                                                   GError        **error);
gboolean        pw_people_export_csv              (PwStore        *store,
                                                   GListModel     *people,
                                                   gboolean        with_sensitive,
                                                   GOutputStream  *out,
                                                   GCancellable   *cancellable,
                                                   GError        **error);

G_END_DECLS
