/* pw-csv.h — RFC 4180 CSV: a reader over a whole buffer and a writer
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define PW_CSV_ERROR (pw_csv_error_quark ())

typedef enum
{
  PW_CSV_ERROR_NOT_UTF8,           /* a byte that is not UTF-8 (or a NUL byte) */
  PW_CSV_ERROR_UNTERMINATED_QUOTE, /* a quoted field never closed */
  PW_CSV_ERROR_BAD_QUOTE,          /* text after the closing quote of a field */
  PW_CSV_ERROR_EMPTY,              /* no header line */
} PwCsvError;

/* Separators the reader and writer know; 0 asks the reader to detect one
 * from the header line (the one used more often outside quotes; comma on
 * a tie). */
#define PW_CSV_SEPARATOR_AUTO      '\0'
#define PW_CSV_SEPARATOR_COMMA     ','
#define PW_CSV_SEPARATOR_SEMICOLON ';'

/* A parsed file. Records are numbered from 0 (the header, if the file has
 * one); fields from 0. Text is UTF-8 and NUL-terminated, with quotes
 * removed and doubled quotes undone. Immutable, so it may be shared
 * between threads. */
typedef struct _PwCsvTable PwCsvTable;

GType        pw_csv_table_get_type        (void) G_GNUC_CONST;
GQuark       pw_csv_error_quark           (void);

PwCsvTable  *pw_csv_parse                 (const char   *data,
                                           gsize         length,
                                           char          separator,
                                           const char   *display_name,
                                           GError      **error);
PwCsvTable  *pw_csv_parse_bytes           (GBytes       *bytes,
                                           char          separator,
                                           const char   *display_name,
                                           GError      **error);
PwCsvTable  *pw_csv_table_ref             (PwCsvTable   *self);
void         pw_csv_table_unref           (PwCsvTable   *self);

char         pw_csv_table_get_separator   (PwCsvTable   *self);
guint        pw_csv_table_get_n_records   (PwCsvTable   *self);
gsize        pw_csv_table_get_text_size   (PwCsvTable   *self);
guint        pw_csv_table_get_n_fields    (PwCsvTable   *self,
                                           guint         record);
guint        pw_csv_table_get_line        (PwCsvTable   *self,
                                           guint         record);
const char  *pw_csv_table_get_field       (PwCsvTable   *self,
                                           guint         record,
                                           guint         field);
const char  *pw_csv_table_get_field_len   (PwCsvTable   *self,
                                           guint         record,
                                           guint         field,
                                           gsize        *length);

/* The writer. Fields are quoted when they hold the separator, a quote, a
 * CR or an LF, with inner quotes doubled; rows end in CRLF.
 *
 * Formula injection: a spreadsheet opening the file would run a cell that
 * starts with `=`, `+`, `-` or `@` as a formula (and a leading tab or CR
 * lets one hide behind white space). Such a cell is written with a leading
 * apostrophe, `'`, which every spreadsheet shows as text, not as part of
 * the value. pw_csv_unneutralise() undoes it on the way back in. */
char        *pw_csv_escape_field          (const char   *value,
                                           char          separator);
void         pw_csv_append_field          (GString      *out,
                                           const char   *value,
                                           char          separator);
void         pw_csv_append_row            (GString      *out,
                                           const char * const *fields,
                                           gssize        n_fields,
                                           char          separator);
const char  *pw_csv_unneutralise          (const char   *value);
gboolean     pw_csv_needs_neutralising    (const char   *value);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PwCsvTable, pw_csv_table_unref)

G_END_DECLS
