/* pw-csv.c — RFC 4180 CSV: a reader over a whole buffer and a writer
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "pw-csv"

#include <string.h>

#include <glib/gi18n.h>

#include "pw-csv.h"

typedef struct
{
  guint32 first_field;
  guint32 n_fields;
  guint32 line;
} Record;

struct _PwCsvTable
{
  gatomicrefcount  ref_count;
  char             separator;

  /* Every field's text, NUL-terminated, one after another: one allocation
   * for the whole file instead of one a field. */
  char            *text;
  guint32         *fields;    /* offsets into text */
  Record          *records;
  guint            n_records;
  gsize            text_size;
};

G_DEFINE_BOXED_TYPE (PwCsvTable, pw_csv_table, pw_csv_table_ref, pw_csv_table_unref)

GQuark
pw_csv_error_quark (void)
{
  return g_quark_from_static_string ("pw-csv-error-quark");
}

static const char *
or_default_name (const char *display_name)
{
  return display_name != NULL ? display_name : "CSV";
}

static guint
line_of_offset (const char *data,
                gsize       offset)
{
  const char *p = data;
  const char *end = data + offset;
  guint line = 1;

  while (p < end && (p = memchr (p, '\n', end - p)) != NULL)
    {
      line++;
      p++;
    }

  return line;
}

/* g_utf8_validate_len() for text that is nearly all ASCII: eight bytes at
 * a time while none has its high bit set (and none is NUL, which
 * g_utf8_validate_len() refuses too); the rest goes to GLib, from the
 * start of the first eight bytes that are not plain ASCII. */
static gboolean
validate_utf8 (const char  *data,
               gsize        length,
               const char **bad)
{
  const guint64 ones = G_GUINT64_CONSTANT (0x0101010101010101);
  const guint64 highs = G_GUINT64_CONSTANT (0x8080808080808080);
  const char *p = data;
  const char *end = data + length;

  while (end - p >= 8)
    {
      guint64 word;

      memcpy (&word, p, 8);
      /* A byte with its high bit set, or a zero byte. */
      if ((word & highs) != 0 || ((word - ones) & ~word & highs) != 0)
        break;
      p += 8;
    }

  return g_utf8_validate_len (p, end - p, bad);
}

/* The separator used more often on the header line, outside quotes. */
static char
detect_separator (const char *p,
                  const char *end)
{
  gboolean in_quotes = FALSE;
  guint commas = 0;
  guint semicolons = 0;

  for (; p < end; p++)
    {
      if (*p == '"')
        in_quotes = !in_quotes;
      else if (in_quotes)
        continue;
      else if (*p == '\n' || *p == '\r')
        break;
      else if (*p == ',')
        commas++;
      else if (*p == ';')
        semicolons++;
    }

  return semicolons > commas ? ';' : ',';
}

static inline gboolean
is_line_end_cr (const char *p,
                const char *end)
{
  /* A CR alone ends a line too (old Mac files); CRLF counts once. */
  return *p == '\r' && !(p + 1 < end && p[1] == '\n');
}

/* Line ends from @p to @stop (@end being the end of the data): LF, and
 * CR not followed by LF. */
static guint
count_line_ends (const char *p,
                 const char *stop,
                 const char *end)
{
  guint n = 0;

  for (const char *q = p; (q = memchr (q, '\n', stop - q)) != NULL; q++)
    n++;
  for (const char *q = p; (q = memchr (q, '\r', stop - q)) != NULL; q++)
    if (is_line_end_cr (q, end))
      n++;

  return n;
}

/**
 * pw_csv_parse:
 * @data: the whole file
 * @length: its length in bytes
 * @separator: `,`, `;` or %PW_CSV_SEPARATOR_AUTO
 * @display_name: (nullable): the file's name, for messages
 *
 * Reads RFC 4180 CSV in one pass. The file must be UTF-8 (a leading BOM is
 * skipped); any other encoding is refused with the offset of the first bad
 * byte rather than guessed at. Blank lines are skipped; every record keeps
 * the physical line it starts on, counting newlines inside quoted fields.
 *
 * Returns: (transfer full): the table, or %NULL with @error set
 */
PwCsvTable *
pw_csv_parse (const char  *data,
              gsize        length,
              char         separator,
              const char  *display_name,
              GError     **error)
{
  g_autoptr(GArray) fields = NULL;
  g_autoptr(GArray) records = NULL;
  g_autofree char *text = NULL;
  const char *name = or_default_name (display_name);
  const char *bad = NULL;
  const char *p;
  const char *end;
  PwCsvTable *self;
  gsize cap;
  gsize w = 0;
  guint line = 1;
  /* What ends an unquoted field. */
  gboolean stops[256] = { FALSE, };

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (separator == PW_CSV_SEPARATOR_AUTO || separator == ',' || separator == ';',
                        NULL);

  if (length > G_MAXUINT32 / 2)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE,
                   _("%s: the file is too large to import; split it into smaller files."), name);
      return NULL;
    }

  /* Validate first, so nothing is ever parsed from a wrong guess. */
  if (length > 0 && !validate_utf8 (data, length, &bad))
    {
      gsize offset = bad - data;

      if (*bad == '\0')
        g_set_error (error, PW_CSV_ERROR, PW_CSV_ERROR_NOT_UTF8,
                     _("%s: byte %lu (line %u) is a NUL byte, which a text file "
                       "cannot hold: export the file again as CSV UTF-8."),
                     name, (unsigned long)offset, line_of_offset (data, offset));
      else
        g_set_error (error, PW_CSV_ERROR, PW_CSV_ERROR_NOT_UTF8,
                     _("%s: byte %lu (line %u) is not UTF-8: save the file as "
                       "“CSV UTF-8” (in a spreadsheet: Save As, then that format) and import "
                       "it again."),
                     name, (unsigned long)offset, line_of_offset (data, offset));
      return NULL;
    }

  p = data;
  end = data + length;

  if (length >= 3 && memcmp (p, "\xEF\xBB\xBF", 3) == 0)
    p += 3;

  if (separator == PW_CSV_SEPARATOR_AUTO)
    separator = detect_separator (p, end);

  stops[(guchar)separator] = stops['\n'] = stops['\r'] = TRUE;

  /* Each field's text is at most its input bytes, plus one NUL. */
  cap = length + length / 8 + 64;
  text = g_malloc (cap);
  fields = g_array_sized_new (FALSE, FALSE, sizeof (guint32), 1024);
  records = g_array_sized_new (FALSE, FALSE, sizeof (Record), 128);

  while (p < end)
    {
      Record record = { fields->len, 0, line };
      gboolean last_quoted = FALSE;

      for (;;)
        {
          guint32 start = w;

          /* Enough room for the rest of the input and this field's NUL. */
          if (w + (gsize)(end - p) + 2 > cap)
            {
              cap = MAX (cap * 2, w + (gsize)(end - p) + 64);
              text = g_realloc (text, cap);
            }

          if (p < end && *p == '"')
            {
              guint quote_line = line;

              last_quoted = TRUE;
              p++;
              for (;;)
                {
                  /* Up to the next quote in one copy, counting the lines
                   * it spans. */
                  const char *quote = memchr (p, '"', end - p);
                  const char *run_end = quote != NULL ? quote : end;

                  memcpy (text + w, p, run_end - p);
                  w += run_end - p;
                  line += count_line_ends (p, run_end, end);
                  p = run_end;

                  if (p >= end)
                    {
                      g_set_error (error, PW_CSV_ERROR, PW_CSV_ERROR_UNTERMINATED_QUOTE,
                                   _("%s:%u: the quoted field that starts here (field %u) is "
                                     "never closed: add the missing \" or double the quotes "
                                     "inside it (\"\")."),
                                   name, quote_line, fields->len - record.first_field + 1);
                      return NULL;
                    }
                  if (p + 1 < end && p[1] == '"')
                    {
                      text[w++] = '"';
                      p += 2;
                      continue;
                    }
                  p++;
                  break;
                }

              if (p < end && *p != separator && *p != '\r' && *p != '\n')
                {
                  g_set_error (error, PW_CSV_ERROR, PW_CSV_ERROR_BAD_QUOTE,
                               _("%s:%u: field %u has text after its closing quote: quote the "
                                 "whole field and double the quotes inside it (\"\")."),
                               name, line, fields->len - record.first_field + 1);
                  return NULL;
                }
            }
          else
            {
              const char *q = p;

              /* A quote inside an unquoted field is kept as it is: RFC 4180
               * does not allow it, but spreadsheets write 5'10" that way. */
              last_quoted = FALSE;
              while (q < end && !stops[(guchar)*q])
                q++;
              memcpy (text + w, p, q - p);
              w += q - p;
              p = q;
            }

          text[w++] = '\0';
          g_array_append_val (fields, start);

          if (p < end && *p == separator)
            {
              p++;
              continue;
            }

          if (p < end)
            {
              if (*p == '\r' && p + 1 < end && p[1] == '\n')
                p += 2;
              else
                p++;
              line++;
            }
          break;
        }

      record.n_fields = fields->len - record.first_field;

      /* A blank line: one empty, unquoted field. */
      if (record.n_fields == 1 && !last_quoted && text[g_array_index (fields, guint32, record.first_field)] == '\0')
        {
          w = g_array_index (fields, guint32, record.first_field);
          g_array_set_size (fields, record.first_field);
          continue;
        }

      g_array_append_val (records, record);
    }

  if (records->len == 0)
    {
      g_set_error (error, PW_CSV_ERROR, PW_CSV_ERROR_EMPTY,
                   _("%s: the file is empty: it needs a header line naming the columns, then "
                     "one line a person."),
                   name);
      return NULL;
    }

  self = g_new0 (PwCsvTable, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->separator = separator;
  self->text = g_realloc (g_steal_pointer (&text), MAX (w, 1));
  self->text_size = w;
  self->n_records = records->len;
  self->records = (Record *)(void *)g_array_free (g_steal_pointer (&records), FALSE);
  self->fields = (guint32 *)(void *)g_array_free (g_steal_pointer (&fields), FALSE);

  return self;
}

/**
 * pw_csv_parse_bytes:
 *
 * As pw_csv_parse(), over @bytes.
 */
PwCsvTable *
pw_csv_parse_bytes (GBytes      *bytes,
                    char         separator,
                    const char  *display_name,
                    GError     **error)
{
  gsize length = 0;
  const char *data;

  g_return_val_if_fail (bytes != NULL, NULL);

  data = g_bytes_get_data (bytes, &length);
  return pw_csv_parse (data ? data : "", length, separator, display_name, error);
}

PwCsvTable *
pw_csv_table_ref (PwCsvTable *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
pw_csv_table_unref (PwCsvTable *self)
{
  g_return_if_fail (self != NULL);

  if (g_atomic_ref_count_dec (&self->ref_count))
    {
      g_free (self->text);
      g_free (self->fields);
      g_free (self->records);
      g_free (self);
    }
}

char
pw_csv_table_get_separator (PwCsvTable *self)
{
  g_return_val_if_fail (self != NULL, ',');

  return self->separator;
}

guint
pw_csv_table_get_n_records (PwCsvTable *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_records;
}

guint
pw_csv_table_get_n_fields (PwCsvTable *self,
                           guint       record)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (record < self->n_records, 0);

  return self->records[record].n_fields;
}

/**
 * pw_csv_table_get_text_size:
 *
 * Returns: the bytes every field's text takes, NULs included: about the
 * size of the file
 */
gsize
pw_csv_table_get_text_size (PwCsvTable *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->text_size;
}

/* The 1-based physical line the record starts on. */
guint
pw_csv_table_get_line (PwCsvTable *self,
                       guint       record)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (record < self->n_records, 0);

  return self->records[record].line;
}

/**
 * pw_csv_table_get_field:
 *
 * Returns: (transfer none) (nullable): the field's text, or %NULL when the
 * record has fewer fields
 */
const char *
pw_csv_table_get_field (PwCsvTable *self,
                        guint       record,
                        guint       field)
{
  const Record *r;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (record < self->n_records, NULL);

  r = &self->records[record];
  if (field >= r->n_fields)
    return NULL;

  return self->text + self->fields[r->first_field + field];
}

/**
 * pw_csv_table_get_field_len:
 * @length: (out): the field's length in bytes
 *
 * As pw_csv_table_get_field(), with the length that a strlen() of the
 * field would give: fields lie one after another, so it costs nothing.
 */
const char *
pw_csv_table_get_field_len (PwCsvTable *self,
                            guint       record,
                            guint       field,
                            gsize      *length)
{
  const Record *r;
  guint32 index;
  gsize next;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (record < self->n_records, NULL);
  g_return_val_if_fail (length != NULL, NULL);

  r = &self->records[record];
  if (field >= r->n_fields)
    {
      *length = 0;
      return NULL;
    }

  index = r->first_field + field;
  /* The next field's start, or the end of all the text; less the NUL. */
  next = record + 1 < self->n_records || field + 1 < r->n_fields
         ? self->fields[index + 1] : self->text_size;
  *length = next - self->fields[index] - 1;

  return self->text + self->fields[index];
}

/**
 * pw_csv_needs_neutralising:
 *
 * Whether a spreadsheet could take @value for a formula: it starts with
 * `=`, `+`, `-`, `@`, a tab or a CR — or it is such a value already
 * neutralised, so that the apostrophe survives a round trip.
 */
gboolean
pw_csv_needs_neutralising (const char *value)
{
  if (value == NULL)
    return FALSE;

  switch (value[0])
    {
    case '=':
    case '+':
    case '-':
    case '@':
    case '\t':
    case '\r':
      return TRUE;
    case '\'':
      return pw_csv_needs_neutralising (value + 1);
    default:
      return FALSE;
    }
}

/**
 * pw_csv_unneutralise:
 *
 * Returns: (transfer none): @value without the apostrophe the writer put
 * in front of it, or @value itself
 */
const char *
pw_csv_unneutralise (const char *value)
{
  if (value != NULL && value[0] == '\'' && pw_csv_needs_neutralising (value + 1))
    return value + 1;

  return value;
}

void
pw_csv_append_field (GString    *out,
                     const char *value,
                     char        separator)
{
  gboolean quote = FALSE;

  g_return_if_fail (out != NULL);

  if (value == NULL)
    value = "";

  for (const char *p = value; *p != '\0'; p++)
    if (*p == separator || *p == '"' || *p == '\r' || *p == '\n')
      {
        quote = TRUE;
        break;
      }

  if (quote)
    g_string_append_c (out, '"');
  if (pw_csv_needs_neutralising (value))
    g_string_append_c (out, '\'');

  if (!quote)
    g_string_append (out, value);
  else
    {
      for (const char *p = value; *p != '\0'; p++)
        {
          if (*p == '"')
            g_string_append_c (out, '"');
          g_string_append_c (out, *p);
        }
      g_string_append_c (out, '"');
    }
}

/**
 * pw_csv_escape_field:
 *
 * Returns: (transfer full): @value as one CSV field, quoted and
 * neutralised as needed
 */
char *
pw_csv_escape_field (const char *value,
                     char        separator)
{
  GString *out = g_string_new (NULL);

  pw_csv_append_field (out, value, separator);
  return g_string_free (out, FALSE);
}

/**
 * pw_csv_append_row:
 * @n_fields: the number of @fields, or -1 when %NULL-terminated
 *
 * Appends one record and its CRLF.
 */
void
pw_csv_append_row (GString            *out,
                   const char * const *fields,
                   gssize              n_fields,
                   char                separator)
{
  g_return_if_fail (out != NULL);
  g_return_if_fail (fields != NULL || n_fields <= 0);

  if (n_fields < 0)
    n_fields = fields ? g_strv_length ((char **)fields) : 0;

  for (gssize i = 0; i < n_fields; i++)
    {
      if (i > 0)
        g_string_append_c (out, separator);
      pw_csv_append_field (out, fields[i], separator);
    }

  g_string_append (out, "\r\n");
}
