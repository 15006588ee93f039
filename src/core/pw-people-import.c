/* pw-people-import.c — people from an HR export (CSV) into the directory
 * and a programme, and the people list back out as CSV
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "pw-people-import"

#include <string.h>

#include <glib/gi18n.h>

#include "pw-enums.h"
#include "pw-people-import.h"
#include "pw-util.h"
#include "pw-person-repo-private.h"
#include "pw-programme-repo.h"

/* A mapped cell as it will be written: text for text, date, grade (NULL
 * for none), role (its nick) and topics (JSON); number for numbers and
 * contact forms. */
typedef struct
{
  const char *text;
  int         length;      /* of text, or -1 for strlen()'s */
  int         number;
} Cell;

/* One data line of the file, between validation and writing. People are
 * written straight from their cells, without a PwPerson each: 10,000 of
 * them with 36 fields was most of an import's time. */
typedef struct
{
  guint        record;        /* in the table */
  gint64       existing_id;   /* the directory entry with this email, or 0 */
  const char  *name;          /* what they will be called, for validation's messages */
  const char  *manager;       /* the manager cell, trimmed; NULL when unmapped */
  int          manager_row;   /* a row of this file, or -1 */
  gint64       manager_id;    /* a directory person, or 0 */
  gint64       id;            /* in the directory, once written */
  gint64       written_manager_id;
  Cell        *cells;         /* one a mapped field (Batch.fields) */
} Row;

/* What validation hands to writing. */
typedef struct
{
  GArray       *rows;         /* Row */
  GStringChunk *strings;      /* cells that are not the table's own text */
  Cell         *cells;
  int          *fields;       /* the field of each mapped column */
  guint         n_fields;
} Batch;

struct _PwPeopleImport
{
  GObject                 parent_instance;

  PwCsvTable             *table;
  char                   *display_name;
  char                  **headers;      /* trimmed header of each column */
  char                  **mapping;      /* field of each column, "" for none */
  guint                   n_columns;

  PwPeopleImportExisting  existing;
  gint64                  programme_id;
  gboolean                dry_run;

  GPtrArray              *problems;     /* PwImportProblem */
  guint                   n_problems;
};

G_DEFINE_FINAL_TYPE (PwPeopleImport, pw_people_import, G_TYPE_OBJECT)

/* Progress, throttled to whole percents, and carried to the main context
 * when the import runs in a thread. */
typedef struct
{
  PwPeopleImportProgress  func;
  gpointer                data;
  GTask                  *task;   /* set when running in a thread */
  int                     last_percent;
} Progress;

typedef struct
{
  PwStore                *store;
  PwPeopleImportProgress  func;
  gpointer                data;
  GDestroyNotify          destroy;
  PwPeopleImportSummary   summary;
} RunData;

typedef struct
{
  GTask *task;
  double fraction;
} ProgressInvoke;

/* Spellings in HR exports, normalised (casefolded, letters and digits
 * only), and the field each one means. */
static const struct { const char *alias; const char *field; } aliases[] = {
  { "name", "name" },
  { "fullname", "name" },
  { "employeename", "name" },
  { "staffname", "name" },
  { "displayname", "name" },
  { "employee", "name" },
  { "email", "email" },
  { "emailaddress", "email" },
  { "workemail", "email" },
  { "workemailaddress", "email" },
  { "mail", "email" },
  { "emailaddr", "email" },
  { "manager", PW_PEOPLE_IMPORT_FIELD_MANAGER },
  { "linemanager", PW_PEOPLE_IMPORT_FIELD_MANAGER },
  { "reportsto", PW_PEOPLE_IMPORT_FIELD_MANAGER },
  { "manageremail", PW_PEOPLE_IMPORT_FIELD_MANAGER },
  { "linemanageremail", PW_PEOPLE_IMPORT_FIELD_MANAGER },
  { "supervisor", PW_PEOPLE_IMPORT_FIELD_MANAGER },
  { "dept", "department" },
  { "department", "department" },
  { "directorate", "department" },
  { "division", "department" },
  { "businessunit", "department" },
  { "jobtitle", "job-title" },
  { "title", "job-title" },
  { "position", "job-title" },
  { "role", "job-title" },
  { "jobrole", "job-title" },
  { "grade", "grade" },
  { "band", "grade" },
  { "paygrade", "grade" },
  { "payband", "grade" },
  { "location", "location" },
  { "office", "location" },
  { "site", "location" },
  { "base", "location" },
  { "discipline", "discipline" },
  { "profession", "discipline" },
  { "startdate", "org-start" },
  { "datejoined", "org-start" },
  { "joined", "org-start" },
  { "joindate", "org-start" },
  { "hiredate", "org-start" },
  { "servicestartdate", "org-start" },
  { "inrolesince", "role-start" },
  { "dateinrole", "role-start" },
  { "rolestartdate", "role-start" },
  { "startedinrole", "role-start" },
  { "responsibilities", "responsibilities" },
  { "mentorormentee", "role-wanted" },
  { "rolewanted", "role-wanted" },
  { "mentormentee", "role-wanted" },
  { "wantstobe", "role-wanted" },
  { "capacity", "capacity" },
  { "mentees", "capacity" },
  { "maxmentees", "capacity" },
  { "menteesatonce", "capacity" },
  { "hoursamonth", "hours-per-month" },
  { "hourspermonth", "hours-per-month" },
  { "monthlyhours", "hours-per-month" },
  { "hoursavailable", "hours-per-month" },
  { "timeavailable", "time-available" },
  { "topicsoffered", "topics-offered" },
  { "topicsicanoffer", "topics-offered" },
  { "canoffer", "topics-offered" },
  { "topicswanted", "topics-wanted" },
  { "topicsiwant", "topics-wanted" },
  { "wantstolearn", "topics-wanted" },
  { "preferredcontact", "preferred-contact" },
  { "preferredcommunication", "preferred-contact" },
  { "contactpreference", "preferred-contact" },
  { "age", "age-band" },
  { "ageband", "age-band" },
  { "agerange", "age-band" },
  { "sex", "gender" },
};

static void
problem_free (gpointer data)
{
  PwImportProblem *problem = data;

  g_free (problem->column);
  g_free (problem->message);
  g_free (problem);
}

static void
batch_free (Batch *batch)
{
  g_clear_pointer (&batch->rows, g_array_unref);
  g_clear_pointer (&batch->strings, g_string_chunk_free);
  g_clear_pointer (&batch->cells, g_free);
  g_clear_pointer (&batch->fields, g_free);
  g_free (batch);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Batch, batch_free)

static void
run_data_free (gpointer data)
{
  RunData *run = data;

  g_clear_object (&run->store);
  if (run->destroy != NULL)
    run->destroy (run->data);
  g_free (run);
}

/* Casefolded, letters and digits only: " full NAME " → "fullname". */
static char *
normalise_header (const char *header)
{
  g_autofree char *folded = g_utf8_casefold (header, -1);
  GString *out = g_string_sized_new (strlen (folded));

  for (const char *p = folded; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isalnum (c))
        g_string_append_unichar (out, c);
    }

  return g_string_free (out, FALSE);
}

static GHashTable *
guess_table (void)
{
  static GHashTable *table;

  if (g_once_init_enter (&table))
    {
      GHashTable *t = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

      /* Later entries lose: aliases first, then labels, then names. */
      for (guint i = 0; i < G_N_ELEMENTS (aliases); i++)
        g_hash_table_insert (t, g_strdup (aliases[i].alias), (gpointer)aliases[i].field);

      for (guint i = 0; i < PW_PERSON_N_FIELDS; i++)
        {
          const char *labels[] = { _(pw_person_fields[i].label), pw_person_fields[i].label,
                                   pw_person_fields[i].name };

          for (guint k = 0; k < G_N_ELEMENTS (labels); k++)
            {
              char *key = normalise_header (labels[k]);

              if (key[0] != '\0' && !g_hash_table_contains (t, key))
                g_hash_table_insert (t, key, (gpointer)pw_person_fields[i].name);
              else
                g_free (key);
            }
        }

      g_once_init_leave (&table, t);
    }

  return table;
}

/**
 * pw_people_import_guess_field:
 *
 * Returns: (transfer none): the field @header most likely names: a name
 * from pw_person_list_fields(), %PW_PEOPLE_IMPORT_FIELD_MANAGER, or ""
 */
const char *
pw_people_import_guess_field (const char *header)
{
  g_autofree char *stripped = NULL;
  g_autofree char *key = NULL;
  const char *field;
  int index;

  g_return_val_if_fail (header != NULL, "");

  /* A field's own name wins, so what we export comes back unchanged
   * ("manager-email" is that field, "Manager email" the manager). */
  stripped = g_strstrip (g_strdup (header));
  index = pw_person_field_index (stripped);
  if (index >= 0)
    return pw_person_fields[index].name;

  key = normalise_header (header);
  field = g_hash_table_lookup (guess_table (), key);

  return field != NULL ? field : "";
}

/**
 * pw_people_import_guess_mapping:
 * @headers: the header line
 *
 * Returns: (transfer full): one field a header, "" for a column that
 * matches none or whose field an earlier column already took
 */
GStrv
pw_people_import_guess_mapping (const char * const *headers)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GHashTable) taken = g_hash_table_new (g_str_hash, g_str_equal);

  g_return_val_if_fail (headers != NULL, NULL);

  for (guint i = 0; headers[i] != NULL; i++)
    {
      const char *field = pw_people_import_guess_field (headers[i]);

      if (field[0] != '\0' && !g_hash_table_add (taken, (gpointer)field))
        field = "";
      g_strv_builder_add (builder, field);
    }

  return g_strv_builder_end (builder);
}

static gboolean
is_known_field (const char *field)
{
  return g_str_equal (field, PW_PEOPLE_IMPORT_FIELD_MANAGER) || pw_person_field_index (field) >= 0;
}

static int
column_of (PwPeopleImport *self,
           const char     *field)
{
  for (guint i = 0; i < self->n_columns; i++)
    if (g_str_equal (self->mapping[i], field))
      return i;

  return -1;
}

static void
add_problem (PwPeopleImport *self,
             guint           line,
             int             column,
             const char     *format,
             ...) G_GNUC_PRINTF (4, 5);

static void
add_problem (PwPeopleImport *self,
             guint           line,
             int             column,
             const char     *format,
             ...)
{
  PwImportProblem *problem;
  va_list args;

  self->n_problems++;
  if (self->problems->len >= PW_PEOPLE_IMPORT_MAX_PROBLEMS)
    return;

  problem = g_new0 (PwImportProblem, 1);
  problem->line = line;
  if (column >= 0 && (guint)column < self->n_columns && self->headers[column][0] != '\0')
    problem->column = g_strdup (self->headers[column]);
  else
    /* Translators: a column without a header, by its position */
    problem->column = g_strdup_printf (_("column %d"), column + 1);

  va_start (args, format);
  problem->message = g_strdup_vprintf (format, args);
  va_end (args);

  g_ptr_array_add (self->problems, problem);
}

static int
compare_problems (gconstpointer a,
                  gconstpointer b)
{
  const PwImportProblem *pa = *(const PwImportProblem * const *)a;
  const PwImportProblem *pb = *(const PwImportProblem * const *)b;

  return (pa->line > pb->line) - (pa->line < pb->line);
}

static void
progress_invoke_free (gpointer data)
{
  ProgressInvoke *invoke = data;

  g_clear_object (&invoke->task);
  g_free (invoke);
}

static gboolean
progress_invoke_cb (gpointer data)
{
  ProgressInvoke *invoke = data;
  RunData *run = g_task_get_task_data (invoke->task);

  run->func (invoke->fraction, run->data);
  return G_SOURCE_REMOVE;
}

static void
report_progress (Progress *progress,
                 double    fraction)
{
  int percent = (int)(fraction * 100);

  if (progress == NULL || progress->func == NULL || percent <= progress->last_percent)
    return;

  progress->last_percent = percent;

  if (progress->task == NULL)
    progress->func (fraction, progress->data);
  else
    {
      ProgressInvoke *invoke = g_new0 (ProgressInvoke, 1);

      /* The task owns the callback's data; keep it alive until this runs. */
      invoke->task = g_object_ref (progress->task);
      invoke->fraction = fraction;
      pw_main_context_defer (g_task_get_context (progress->task),
                             progress_invoke_cb, invoke, progress_invoke_free);
    }
}

/* The cell as pw_person_set_field() would take it: the writer's
 * apostrophe undone, white space trimmed; and its length. Points into the
 * table, unless the cell had white space to lose at its end. */
static const char *
cell_text (PwPeopleImport *self,
           GStringChunk   *strings,
           guint           record,
           guint           column,
           int            *length)
{
  gsize size;
  const char *text = pw_csv_table_get_field_len (self->table, record, column, &size);
  const char *end;
  const char *start;

  *length = 0;
  if (text == NULL)
    return "";

  end = text + size;
  start = pw_csv_unneutralise (text);
  while (start < end && g_ascii_isspace (*start))
    start++;
  if (start == end)
    return "";

  *length = end - start;
  if (!g_ascii_isspace (end[-1]))
    return start;

  while (g_ascii_isspace (end[-1]))
    end--;
  *length = end - start;
  return g_string_chunk_insert_len (strings, start, end - start);
}

/* g_utf8_casefold(), without an allocation for ASCII text with no capital
 * letter (most email addresses): for ASCII, folding is lowering A–Z. */
static const char *
fold (GStringChunk *strings,
      const char   *text)
{
  gboolean upper = FALSE;
  const char *p;
  char *copy;

  for (p = text; *p != '\0'; p++)
    {
      if ((guchar)*p >= 0x80)
        {
          g_autofree char *folded = g_utf8_casefold (text, -1);

          return g_string_chunk_insert (strings, folded);
        }
      upper |= g_ascii_isupper (*p);
    }

  if (!upper)
    return text;

  copy = g_string_chunk_insert_len (strings, text, p - text);
  for (char *q = copy; *q != '\0'; q++)
    if (g_ascii_isupper (*q))
      *q += 'a' - 'A';
  return copy;
}

/* The form nearly every date in an HR export has; anything else goes the
 * slow way, through pw_date_parse(). */
static gboolean
is_plain_date (const char *text)
{
  for (guint i = 0; i < 10; i++)
    if (i == 4 || i == 7 ? text[i] != '-' : !g_ascii_isdigit (text[i]))
      return FALSE;

  return text[10] == '\0' &&
         g_date_valid_dmy ((text[8] - '0') * 10 + (text[9] - '0'),
                           (text[5] - '0') * 10 + (text[6] - '0'),
                           (text[0] - '0') * 1000 + (text[1] - '0') * 100 +
                           (text[2] - '0') * 10 + (text[3] - '0'));
}

/* Up to three digits: every capacity and monthly hours there is. */
static gboolean
plain_number (const char *text,
              int         max,
              int        *number)
{
  int n = 0;
  guint i;

  for (i = 0; g_ascii_isdigit (text[i]); i++)
    {
      if (i == 3)
        return FALSE;
      n = n * 10 + (text[i] - '0');
    }

  if (i == 0 || text[i] != '\0' || n > max)
    return FALSE;

  *number = n;
  return TRUE;
}

static const char * const role_nicks[] = { "either", "mentor", "mentee" };

static const char *
plain_role (const char *text)
{
  if (text[0] == '\0' || g_ascii_strcasecmp (text, "either") == 0 ||
      g_ascii_strcasecmp (text, "both") == 0)
    return role_nicks[PW_ROLE_EITHER];
  if (g_ascii_strcasecmp (text, "mentor") == 0)
    return role_nicks[PW_ROLE_MENTOR];
  if (g_ascii_strcasecmp (text, "mentee") == 0)
    return role_nicks[PW_ROLE_MENTEE];

  return NULL;
}

/* Contact forms by nick, separated as topics are ("video, in-person"). */
static gboolean
plain_contact (GFlagsClass *klass,
               const char  *text,
               int         *number)
{
  const char *p = text;
  guint forms = 0;

  while (*p != '\0')
    {
      const char *end = p + strcspn (p, ",;\n");
      const char *a = p;
      const char *b = end;

      p = *end != '\0' ? end + 1 : end;

      while (a < b && g_ascii_isspace (*a))
        a++;
      while (b > a && g_ascii_isspace (b[-1]))
        b--;

      if (a < b)
        {
          char nick[32];
          GFlagsValue *value;

          if ((gsize)(b - a) >= sizeof nick)
            return FALSE;
          for (guint i = 0; a + i < b; i++)
            nick[i] = a[i] == ' ' || a[i] == '_' ? '-' : g_ascii_tolower (a[i]);
          nick[b - a] = '\0';

          value = g_flags_get_value_by_nick (klass, nick);
          if (value == NULL)
            return FALSE;
          forms |= value->value;
        }
    }

  *number = (int)forms;
  return TRUE;
}

/* Tags separated by commas, semicolons or line breaks, as a JSON array:
 * what a PwPerson splits them into and the repository writes. */
static const char *
topics_json (GStringChunk *strings,
             GString      *buffer,
             const char   *text)
{
  const char *p = text;
  gboolean empty = TRUE;

  g_string_assign (buffer, "[");
  while (*p != '\0')
    {
      const char *end = p + strcspn (p, ",;\n");
      const char *a = p;
      const char *b = end;

      p = *end != '\0' ? end + 1 : end;

      while (a < b && g_ascii_isspace (*a))
        a++;
      while (b > a && g_ascii_isspace (b[-1]))
        b--;

      if (a < b)
        {
          if (!empty)
            g_string_append_c (buffer, ',');
          pw_person_append_json_string (buffer, a, b - a);
          empty = FALSE;
        }
    }
  g_string_append_c (buffer, ']');

  return empty ? "[]" : g_string_chunk_insert_len (strings, buffer->str, buffer->len);
}

typedef struct
{
  PwPerson     *scratch;   /* for the slow way */
  GFlagsClass  *contact;
  GHashTable   *grades;    /* casefolded → as on the scale */
  GStrv         scale;
  char         *scale_text;
  GStringChunk *strings;
  GString      *buffer;
} Converter;

static void
converter_clear (Converter *conv)
{
  g_clear_object (&conv->scratch);
  g_clear_pointer (&conv->contact, g_type_class_unref);
  g_clear_pointer (&conv->grades, g_hash_table_unref);
  g_clear_pointer (&conv->scale, g_strfreev);
  g_clear_pointer (&conv->scale_text, g_free);
  if (conv->buffer != NULL)
    g_string_free (g_steal_pointer (&conv->buffer), TRUE);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Converter, converter_clear)

/* The slow way, for what the checks above do not recognise: through a
 * PwPerson, which either takes the value (the cell is then what the
 * person holds) or says what is wrong with it, in its own words. */
static gboolean
convert_through_person (Converter   *conv,
                        int          field,
                        const char  *value,
                        Cell        *cell,
                        GError     **error)
{
  if (!pw_person_set_field (conv->scratch, pw_person_fields[field].name, value, error))
    return FALSE;

  switch (pw_person_fields[field].kind)
    {
    case PW_FIELD_TEXT:
    case PW_FIELD_DATE:
      cell->text = g_string_chunk_insert (conv->strings, pw_person_get_text (conv->scratch, field));
      cell->length = -1;
      break;
    case PW_FIELD_NUMBER:
    case PW_FIELD_CONTACT:
      cell->number = pw_person_get_number (conv->scratch, field);
      break;
    case PW_FIELD_ROLE:
      cell->text = role_nicks[pw_person_get_number (conv->scratch, field)];
      break;
    case PW_FIELD_TOPICS:
      {
        g_autofree char *json =
          pw_person_topics_to_json (field == PW_PERSON_FIELD_TOPICS_OFFERED
                                    ? pw_person_get_topics_offered (conv->scratch)
                                    : pw_person_get_topics_wanted (conv->scratch));
        cell->text = g_string_chunk_insert (conv->strings, json);
      }
      break;
    default:
      g_assert_not_reached ();
    }

  return TRUE;
}

/* A trimmed cell (@length bytes) into what the person table stores for
 * @field, with the checks pw_person_set_field() makes (and the grade
 * scale's). */
static gboolean
convert (Converter   *conv,
         int          field,
         const char  *value,
         int          length,
         Cell        *cell,
         GError     **error)
{
  cell->text = value;
  cell->number = 0;
  /* Anything but the trimmed cell itself is measured when it is bound. */
  cell->length = -1;

  switch (field)
    {
    case PW_PERSON_FIELD_NAME:
      cell->length = length;
      return value[0] != '\0' || convert_through_person (conv, field, value, cell, error);

    case PW_PERSON_FIELD_EMAIL:
      cell->length = length;
      return pw_person_check_email (value, NULL) ||
             convert_through_person (conv, field, value, cell, error);

    case PW_PERSON_FIELD_MANAGER_EMAIL:
      cell->length = length;
      return value[0] == '\0' || pw_person_check_email (value, NULL) ||
             convert_through_person (conv, field, value, cell, error);

    case PW_PERSON_FIELD_GRADE:
      if (value[0] == '\0')
        cell->text = NULL;
      else if ((cell->text = g_hash_table_lookup (conv->grades, fold (conv->strings, value))) == NULL)
        {
          if (conv->scale[0] == NULL)
            g_set_error (error, PW_PEOPLE_IMPORT_ERROR, PW_PEOPLE_IMPORT_ERROR_INVALID,
                         _("“%s” is not on the grade scale, which is empty: define "
                           "the organization’s grades first, or leave grades out."),
                         value);
          else
            g_set_error (error, PW_PEOPLE_IMPORT_ERROR, PW_PEOPLE_IMPORT_ERROR_INVALID,
                         _("“%s” is not on the grade scale (%s): use one of its "
                           "grades, or add it to the scale first."),
                         value, conv->scale_text);
          return FALSE;
        }
      return TRUE;

    default:
      break;
    }

  switch (pw_person_fields[field].kind)
    {
    case PW_FIELD_TEXT:
      cell->length = length;
      return TRUE;

    case PW_FIELD_DATE:
      cell->length = length;
      return value[0] == '\0' || is_plain_date (value) ||
             convert_through_person (conv, field, value, cell, error);

    case PW_FIELD_NUMBER:
      if (value[0] == '\0')
        {
          cell->number = field == PW_PERSON_FIELD_CAPACITY ? 1 : 0;
          return TRUE;
        }
      return plain_number (value, field == PW_PERSON_FIELD_CAPACITY ? PW_PERSON_CAPACITY_MAX
                                                                    : PW_PERSON_HOURS_MAX,
                           &cell->number) ||
             convert_through_person (conv, field, value, cell, error);

    case PW_FIELD_ROLE:
      return (cell->text = plain_role (value)) != NULL ||
             convert_through_person (conv, field, value, cell, error);

    case PW_FIELD_CONTACT:
      cell->text = NULL;
      return plain_contact (conv->contact, value, &cell->number) ||
             convert_through_person (conv, field, value, cell, error);

    case PW_FIELD_TOPICS:
      cell->text = topics_json (conv->strings, conv->buffer, value);
      return TRUE;

    default:
      g_assert_not_reached ();
    }

  return FALSE;
}

static gboolean
problems_error (PwPeopleImport  *self,
                GError         **error)
{
  if (self->n_problems == 0)
    return TRUE;

  g_set_error (error, PW_PEOPLE_IMPORT_ERROR, PW_PEOPLE_IMPORT_ERROR_INVALID,
               g_dngettext (GETTEXT_PACKAGE,
                            "%s: %u problem; nothing was imported. Correct the file and import "
                            "it again.",
                            "%s: %u problems; nothing was imported. Correct the file and import "
                            "it again.",
                            self->n_problems),
               self->display_name, self->n_problems);
  return FALSE;
}

/* Checks every row of the file against the directory, the grade scale and
 * the rest of the file, and turns its cells into what will be written.
 * Nothing is written. Returns the batch, or NULL with @error set (the
 * problems are in self). */
static Batch *
prepare (PwPeopleImport  *self,
         PwStore         *store,
         Progress        *progress,
         GCancellable    *cancellable,
         GError         **error)
{
  g_autoptr(Batch) batch = g_new0 (Batch, 1);
  g_auto(Converter) conv = { NULL, };
  g_autoptr(GArray) directory = NULL;
  g_autoptr(GHashTable) dir_by_email = NULL;
  g_autoptr(GHashTable) dir_by_name = NULL;
  g_autoptr(GHashTable) file_by_email = NULL;
  g_autoptr(GHashTable) file_by_name = NULL;
  g_autofree int *column_field = NULL;
  guint n_records = pw_csv_table_get_n_records (self->table);
  int name_col = column_of (self, "name");
  int email_col = column_of (self, "email");
  int manager_col = column_of (self, PW_PEOPLE_IMPORT_FIELD_MANAGER);
  GArray *rows;
  /* A marker for a name two people share. */
  static const int ambiguous = 0;
  /* Column kinds besides a field's index. */
  enum { UNMAPPED = -1, MANAGER = -2 };

  g_ptr_array_set_size (self->problems, 0);
  self->n_problems = 0;

  if (email_col < 0 || name_col < 0)
    {
      const char *missing = email_col < 0 ? "email" : "name";

      g_set_error (error, PW_PEOPLE_IMPORT_ERROR, PW_PEOPLE_IMPORT_ERROR_MAPPING,
                   _("%s: no column holds the %s of each person: map one to it, e.g. "
                     "--map %s=\"%s\"."),
                   self->display_name, missing, missing,
                   email_col < 0 ? "Work email" : "Full name");
      return NULL;
    }

  if (self->programme_id != 0)
    {
      g_autoptr(PwProgramme) programme = pw_programme_repo_get (store, self->programme_id, error);

      if (programme == NULL)
        return NULL;
    }

  /* Names and emails are all the checks need of the directory. */
  directory = pw_person_repo_list_keys (store, error);
  if (directory == NULL)
    return NULL;

  conv.scale = pw_grade_scale_get (store, error);
  if (conv.scale == NULL)
    return NULL;

  batch->strings = g_string_chunk_new (64 * 1024);
  conv.strings = batch->strings;
  conv.buffer = g_string_sized_new (256);
  conv.scratch = g_object_new (PW_TYPE_PERSON, NULL);
  conv.contact = g_type_class_ref (PW_TYPE_CONTACT_FORM);
  conv.grades = g_hash_table_new (g_str_hash, g_str_equal);
  conv.scale_text = g_strjoinv (", ", conv.scale);
  for (guint i = 0; conv.scale[i] != NULL; i++)
    {
      /* As pw_person_set_field() would store it, for as long as the batch. */
      const char *grade = g_string_chunk_insert (batch->strings, g_strstrip (conv.scale[i]));

      g_hash_table_insert (conv.grades, (char *)fold (batch->strings, grade), (char *)grade);
    }

  dir_by_email = g_hash_table_new (g_str_hash, g_str_equal);
  dir_by_name = g_hash_table_new (g_str_hash, g_str_equal);
  file_by_email = g_hash_table_new (g_str_hash, g_str_equal);
  file_by_name = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < directory->len; i++)
    {
      PwPersonKey *key = &g_array_index (directory, PwPersonKey, i);
      char *name_key = (char *)fold (batch->strings, key->name);

      if (g_hash_table_contains (dir_by_name, name_key))
        g_hash_table_replace (dir_by_name, name_key, (gpointer)&ambiguous);
      else
        g_hash_table_insert (dir_by_name, name_key, key);
      g_hash_table_insert (dir_by_email, (char *)fold (batch->strings, key->email), key);
    }

  column_field = g_new (int, self->n_columns);
  batch->fields = g_new (int, self->n_columns);
  for (guint c = 0; c < self->n_columns; c++)
    {
      if ((int)c == manager_col)
        column_field[c] = MANAGER;
      else if ((column_field[c] = pw_person_field_index (self->mapping[c])) >= 0)
        {
          batch->fields[batch->n_fields] = column_field[c];
          batch->n_fields++;
        }
    }

  batch->cells = g_new (Cell, (gsize)MAX (n_records - 1, 1) * batch->n_fields);
  batch->rows = rows = g_array_sized_new (FALSE, FALSE, sizeof (Row), n_records);

  for (guint r = 1; r < n_records; r++)
    {
      guint line = pw_csv_table_get_line (self->table, r);
      guint n_fields = pw_csv_table_get_n_fields (self->table, r);
      const PwPersonKey *existing;
      const char *email;
      int email_length;
      const char *email_key;
      gboolean email_ok = TRUE;
      gboolean name_ok = TRUE;
      Row row = { r, 0, "", NULL, -1, 0, 0, 0, batch->cells + (gsize)rows->len * batch->n_fields };

      if ((r & 0xff) == 0)
        {
          if (g_cancellable_set_error_if_cancelled (cancellable, error))
            return NULL;
          report_progress (progress, 0.3 * r / n_records);
        }

      if (n_fields != self->n_columns)
        {
          if (n_fields < self->n_columns)
            add_problem (self, line, n_fields,
                         g_dngettext (GETTEXT_PACKAGE,
                                      "this line has %u field but the header has %u columns: "
                                      "add the missing ones, even if empty.",
                                      "this line has %u fields but the header has %u columns: "
                                      "add the missing ones, even if empty.",
                                      n_fields),
                         n_fields, self->n_columns);
          else
            add_problem (self, line, self->n_columns,
                         g_dngettext (GETTEXT_PACKAGE,
                                      "this line has %u field but the header has %u columns: "
                                      "put quotes around a value that holds a separator.",
                                      "this line has %u fields but the header has %u columns: "
                                      "put quotes around a value that holds a separator.",
                                      n_fields),
                         n_fields, self->n_columns);
          continue;
        }

      email = cell_text (self, batch->strings, r, email_col, &email_length);
      email_key = fold (batch->strings, email);
      existing = g_hash_table_lookup (dir_by_email, email_key);
      if (existing != NULL)
        row.id = row.existing_id = existing->id;

      /* In column order, so a line's problems are too. */
      for (guint c = 0, k = 0; c < self->n_columns; c++)
        {
          g_autoptr(GError) local_error = NULL;
          int field = column_field[c];
          const char *value;
          int length;

          if (field == UNMAPPED)
            continue;

          if ((int)c == email_col)
            {
              value = email;
              length = email_length;
            }
          else
            value = cell_text (self, batch->strings, r, c, &length);

          if (field == MANAGER)
            {
              row.manager = value;
              continue;
            }

          if (!convert (&conv, field, value, length, &row.cells[k++], &local_error))
            {
              add_problem (self, line, c, "%s", local_error->message);
              if (field == PW_PERSON_FIELD_EMAIL)
                email_ok = FALSE;
              else if (field == PW_PERSON_FIELD_NAME)
                name_ok = FALSE;
            }
          else if (field == PW_PERSON_FIELD_NAME)
            row.name = value;
        }

      /* A bad name leaves the directory's. */
      if (!name_ok && existing != NULL)
        row.name = existing->name;

      if (email_ok)
        {
          guint first = GPOINTER_TO_UINT (g_hash_table_lookup (file_by_email, email_key));

          /* Rows are stored from index 0; keep index + 1 so 0 means "none". */
          if (first != 0)
            add_problem (self, line, email_col,
                         _("“%s” is also on line %u: each person may appear only once in the "
                           "file; merge the two lines."),
                         email,
                         pw_csv_table_get_line (self->table, g_array_index (rows, Row, first - 1).record));
          else
            g_hash_table_insert (file_by_email, (char *)email_key, GUINT_TO_POINTER (rows->len + 1));
        }

      {
        char *name_key = (char *)fold (batch->strings, row.name);

        if (g_hash_table_contains (file_by_name, name_key))
          g_hash_table_replace (file_by_name, name_key, (gpointer)&ambiguous);
        else
          g_hash_table_insert (file_by_name, name_key, GUINT_TO_POINTER (rows->len + 1));
      }

      g_array_append_val (rows, row);
    }

  /* Managers may come later in the file than their reports. */
  for (guint i = 0; i < rows->len; i++)
    {
      Row *row = &g_array_index (rows, Row, i);
      guint line = pw_csv_table_get_line (self->table, row->record);
      const char *key;
      gpointer found;

      if (row->manager == NULL || row->manager[0] == '\0')
        continue;

      key = fold (batch->strings, row->manager);

      if (strchr (row->manager, '@') != NULL)
        {
          found = g_hash_table_lookup (file_by_email, key);
          if (found != NULL)
            row->manager_row = GPOINTER_TO_UINT (found) - 1;
          else if ((found = g_hash_table_lookup (dir_by_email, key)) != NULL)
            row->manager_id = ((PwPersonKey *)found)->id;
        }
      else
        {
          found = g_hash_table_lookup (file_by_name, key);
          if (found == &ambiguous)
            {
              add_problem (self, line, manager_col,
                           _("more than one person in the file is called “%s”: give the "
                             "manager’s email address instead."),
                           row->manager);
              continue;
            }
          if (found != NULL)
            row->manager_row = GPOINTER_TO_UINT (found) - 1;
          else if ((found = g_hash_table_lookup (dir_by_name, key)) == &ambiguous)
            {
              add_problem (self, line, manager_col,
                           _("more than one person in the directory is called “%s”: give "
                             "the manager’s email address instead."),
                           row->manager);
              continue;
            }
          else if (found != NULL)
            row->manager_id = ((PwPersonKey *)found)->id;
        }

      if (row->manager_row < 0 && row->manager_id == 0)
        add_problem (self, line, manager_col,
                     _("manager “%s” is neither in the directory nor in this file: add them "
                       "to the file, or leave the cell empty."),
                     row->manager);
      else if (row->manager_row == (int)i ||
               (row->existing_id != 0 && row->manager_id == row->existing_id))
        add_problem (self, line, manager_col,
                     _("%s cannot be their own manager: give someone else, or leave the "
                       "cell empty."),
                     row->name);
    }

  report_progress (progress, 0.3);

  /* Manager problems were found in a second pass: put them in file order
   * (the sort is stable, so a line's problems keep their column order). */
  g_ptr_array_sort (self->problems, compare_problems);

  if (!problems_error (self, error))
    return NULL;

  return g_steal_pointer (&batch);
}

/* Managers before their reports, so nearly every manager's ID is known
 * when a report is written; only a loop in the reporting lines (A reports
 * to B, B to A) leaves work for the second pass. */
static guint *
insertion_order (GArray *rows)
{
  g_autofree guint8 *state = g_new0 (guint8, rows->len);  /* 0 new, 1 seen, 2 placed */
  g_autoptr(GArray) chain = g_array_new (FALSE, FALSE, sizeof (guint));
  guint *order = g_new (guint, rows->len);
  guint k = 0;

  for (guint i = 0; i < rows->len; i++)
    {
      int j = i;

      g_array_set_size (chain, 0);
      while (j >= 0 && state[j] == 0)
        {
          state[j] = 1;
          g_array_append_val (chain, j);
          j = g_array_index (rows, Row, j).manager_row;
        }

      for (guint c = chain->len; c > 0; c--)
        {
          guint x = g_array_index (chain, guint, c - 1);

          state[x] = 2;
          order[k++] = x;
        }
    }

  g_assert (k == rows->len);
  return order;
}

static gboolean
write_rows (PwPeopleImport         *self,
            PwStore                *store,
            Batch                  *batch,
            Progress               *progress,
            GCancellable           *cancellable,
            PwPeopleImportSummary  *summary,
            GError                **error)
{
  gboolean has_manager_column = column_of (self, PW_PEOPLE_IMPORT_FIELD_MANAGER) >= 0;
  GArray *rows = batch->rows;
  g_autofree guint *order = insertion_order (rows);
  g_autofree char *now = NULL;
  PwPersonWriter writer;
  gint64 first_new_id = 0;
  gint64 last_new_id = 0;
  gboolean new_enrolled = FALSE;
  guint n = rows->len;

  /* Everyone arrives at the same moment. */
  now = pw_person_repo_now (store, error);
  if (now == NULL || !pw_person_writer_init (&writer, store, error))
    return FALSE;

  /* Pass 1: everyone in, with managers already known. */
  for (guint i = 0; i < n; i++)
    {
      Row *row = &g_array_index (rows, Row, order[i]);
      g_autoptr(PwPerson) old = NULL;
      g_autoptr(GPtrArray) keep = NULL;
      g_autofree char *uuid = NULL;
      PwPersonRow person;
      gboolean ok;

      if ((i & 0xff) == 0)
        {
          if (g_cancellable_set_error_if_cancelled (cancellable, error))
            return FALSE;
          report_progress (progress, 0.3 + 0.6 * i / n);
        }

      if (row->existing_id != 0 && self->existing == PW_PEOPLE_IMPORT_SKIP)
        {
          summary->skipped++;
          continue;
        }

      /* The mapped columns replace their fields; the rest stay as they
       * are, or for someone new, as a new PwPerson has them. */
      if (row->existing_id != 0)
        {
          old = pw_person_repo_get (store, row->existing_id, error);
          if (old == NULL)
            return FALSE;
          keep = g_ptr_array_new_with_free_func (g_free);
          pw_person_row_init_from_person (&person, old, keep);
        }
      else
        {
          pw_person_row_init (&person);
          uuid = g_uuid_string_random ();
          person.uuid = uuid;
          person.created = now;
        }

      for (guint k = 0; k < batch->n_fields; k++)
        {
          int field = batch->fields[k];

          if (pw_person_fields[field].kind == PW_FIELD_NUMBER ||
              pw_person_fields[field].kind == PW_FIELD_CONTACT)
            person.number[field] = row->cells[k].number;
          else
            {
              person.text[field] = row->cells[k].text;
              person.length[field] = row->cells[k].length;
            }
        }

      if (has_manager_column)
        person.manager_id = row->manager_row >= 0
                            ? g_array_index (rows, Row, row->manager_row).id
                            : row->manager_id;
      row->written_manager_id = person.manager_id;

      ok = row->existing_id != 0 ? pw_person_repo_update_row (store, &person, error)
                                 : pw_person_writer_insert (&writer, &person, &row->id, error);
      if (!ok)
        {
          g_prefix_error (error, "%s:%u: ", self->display_name,
                          pw_csv_table_get_line (self->table, row->record));
          return FALSE;
        }

      if (row->existing_id != 0)
        summary->updated++;
      else
        {
          if (summary->added++ == 0)
            first_new_id = row->id;
          last_new_id = row->id;
        }
    }

  /* Pass 2: managers further down the file have their IDs now. */
  for (guint i = 0; i < n; i++)
    {
      Row *row = &g_array_index (rows, Row, i);
      gint64 manager_id;

      if (row->manager_row < 0 || (row->existing_id != 0 && self->existing == PW_PEOPLE_IMPORT_SKIP))
        continue;

      manager_id = g_array_index (rows, Row, row->manager_row).id;
      if (manager_id == row->written_manager_id)
        continue;

      if (!pw_person_repo_set_manager (store, row->id, manager_id, error))
        {
          g_prefix_error (error, "%s:%u: ", self->display_name,
                          pw_csv_table_get_line (self->table, row->record));
          return FALSE;
        }
      row->written_manager_id = manager_id;
    }

  report_progress (progress, 0.95);

  if (self->programme_id == 0)
    return TRUE;

  /* New people have the IDs from the first one up, with no gap (SQLite
   * gives each the highest ID so far plus one, and this transaction
   * holds the write lock): one statement enrols them all. */
  if (summary->added > 0 && last_new_id - first_new_id + 1 == summary->added)
    {
      if (!pw_person_writer_enrol_range (&writer, self->programme_id, first_new_id, last_new_id,
                                         now, error))
        return FALSE;
      summary->enrolled += summary->added;
      new_enrolled = TRUE;
    }

  for (guint i = 0; i < n; i++)
    {
      Row *row = &g_array_index (rows, Row, i);

      if (row->existing_id == 0 ? new_enrolled
                                : pw_person_repo_is_enrolled (store, self->programme_id, row->id))
        continue;
      if (!pw_person_writer_enrol (&writer, self->programme_id, row->id, now, error))
        return FALSE;
      summary->enrolled++;
    }

  return TRUE;
}

static void
count_dry_run (PwPeopleImport        *self,
               PwStore               *store,
               Batch                 *batch,
               PwPeopleImportSummary *summary)
{
  for (guint i = 0; i < batch->rows->len; i++)
    {
      Row *row = &g_array_index (batch->rows, Row, i);

      if (row->existing_id == 0)
        summary->added++;
      else if (self->existing == PW_PEOPLE_IMPORT_SKIP)
        summary->skipped++;
      else
        summary->updated++;

      if (self->programme_id != 0 &&
          (row->existing_id == 0 ||
           !pw_person_repo_is_enrolled (store, self->programme_id, row->existing_id)))
        summary->enrolled++;
    }
}

static int
pragma_int (PwStore    *store,
            const char *sql)
{
  sqlite3_stmt *stmt = pw_store_prepare (store, sql, NULL);
  int value = G_MININT;

  if (stmt == NULL)
    return value;
  if (pw_store_step (store, stmt, NULL) == SQLITE_ROW)
    value = sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);

  return value;
}

static void
set_pragma (PwStore    *store,
            const char *name,
            gint64      value)
{
  g_autofree char *sql = g_strdup_printf ("PRAGMA %s = %" G_GINT64_FORMAT, name, value);

  pw_store_exec (store, sql, NULL);
}

/* The connection's settings while an import writes, and as they were. */
typedef struct
{
  int cache_size;
  int synchronous;
  int autocheckpoint;
} Settings;

/* A transaction as big as the file stays in SQLite's page cache until it
 * commits. In the default 2 MB, most of a 10,000-person import would be
 * written to the WAL early and read back for every later row's indexes,
 * manager and enrolment.
 *
 * The commit is made durable by itself: the WAL is synced at once
 * (synchronous=FULL; the store's NORMAL leaves that to the next
 * checkpoint). SQLite's automatic checkpoint at the commit, copying the
 * whole import from the WAL into the database file a second time, is
 * left to a connection of its own in a worker thread (see
 * checkpoint_later()), so nobody waits for it. */
static void
settings_for_import (PwPeopleImport *self,
                     PwStore        *store,
                     Settings       *old)
{
  /* The table and its indexes take about 1.5 times the text. */
  gint64 wanted_kib = MIN (pw_csv_table_get_text_size (self->table) / 1024 * 2 + 4096,
                           256 * 1024);

  old->cache_size = pragma_int (store, "PRAGMA cache_size");
  old->synchronous = pragma_int (store, "PRAGMA synchronous");
  old->autocheckpoint = pragma_int (store, "PRAGMA wal_autocheckpoint");

  /* Negative: KiB; positive: pages (of 4 KiB unless changed). */
  if (old->cache_size != G_MININT &&
      (old->cache_size < 0 ? -(gint64)old->cache_size : old->cache_size * 4) < wanted_kib)
    set_pragma (store, "cache_size", -wanted_kib);
  if (old->synchronous != G_MININT && old->synchronous < 2)
    set_pragma (store, "synchronous", 2 /* FULL */);
  if (old->autocheckpoint > 0)
    set_pragma (store, "wal_autocheckpoint", 0);
}

static void
restore_settings (PwStore        *store,
                  const Settings *old)
{
  /* Shrinking the cache gives its memory back. */
  if (old->cache_size != G_MININT)
    set_pragma (store, "cache_size", old->cache_size);
  if (old->synchronous != G_MININT)
    set_pragma (store, "synchronous", old->synchronous);
  if (old->autocheckpoint > 0)
    set_pragma (store, "wal_autocheckpoint", old->autocheckpoint);
}

static void
checkpoint_thread (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  const char *path = task_data;
  sqlite3 *db = NULL;

  /* PASSIVE: whoever writes meanwhile is never held up; what it cannot
   * copy yet, a later checkpoint will. Closing the last connection to
   * the file checkpoints too, so a store closed meanwhile loses nothing. */
  if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL) == SQLITE_OK)
    {
      sqlite3_busy_timeout (db, 5000);
      /* A connection finds out the file is in WAL mode, and opens the WAL,
       * when it first reads; until then a checkpoint does nothing. */
      if (sqlite3_exec (db, "SELECT count(*) FROM sqlite_schema", NULL, NULL, NULL) == SQLITE_OK)
        sqlite3_wal_checkpoint_v2 (db, NULL, SQLITE_CHECKPOINT_PASSIVE, NULL, NULL);
    }
  sqlite3_close (db);

  g_task_return_boolean (task, TRUE);
}

/* Copies the committed import from the WAL into the database file, on a
 * connection of its own in a worker thread: the store's connection may
 * not leave the thread that owns it. */
static void
checkpoint_later (PwStore *store)
{
  const char *path = pw_store_get_path (store);
  g_autoptr(GTask) task = NULL;

  if (g_str_equal (path, ":memory:"))
    return;

  task = g_task_new (NULL, NULL, NULL, NULL);
  g_task_set_source_tag (task, checkpoint_later);
  g_task_set_task_data (task, g_strdup (path), g_free);
  g_task_run_in_thread (task, checkpoint_thread);
}

/* Validates, then writes, in one transaction. */
static gboolean
run_transaction (PwPeopleImport         *self,
                 PwStore                *store,
                 Progress               *progress,
                 GCancellable           *cancellable,
                 PwPeopleImportSummary  *summary,
                 GError                **error)
{
  g_autoptr(Batch) batch = NULL;
  gint64 start;
  gint64 validated;
  gint64 written;

  /* The transaction covers validation too, so nobody changes the
   * directory between the check and the write. */
  if (!pw_store_begin (store, error))
    return FALSE;

  start = g_get_monotonic_time ();
  batch = prepare (self, store, progress, cancellable, error);
  if (batch == NULL)
    {
      pw_store_rollback (store);
      return FALSE;
    }
  validated = g_get_monotonic_time ();

  if (self->dry_run)
    {
      count_dry_run (self, store, batch, summary);
      pw_store_rollback (store);
      return TRUE;
    }

  if (!write_rows (self, store, batch, progress, cancellable, summary, error) ||
      g_cancellable_set_error_if_cancelled (cancellable, error))
    {
      pw_store_rollback (store);
      memset (summary, 0, sizeof *summary);
      return FALSE;
    }

  written = g_get_monotonic_time ();
  if (!pw_store_commit (store, error))
    {
      memset (summary, 0, sizeof *summary);
      return FALSE;
    }

  g_debug ("%s: %u rows: validated in %.1f ms, written in %.1f ms, committed in %.1f ms",
           self->display_name, batch->rows->len, (validated - start) / 1000.0,
           (written - validated) / 1000.0, (g_get_monotonic_time () - written) / 1000.0);
  return TRUE;
}

static gboolean
run_internal (PwPeopleImport         *self,
              PwStore                *store,
              Progress               *progress,
              GCancellable           *cancellable,
              PwPeopleImportSummary  *summary,
              GError                **error)
{
  Settings settings = { G_MININT, G_MININT, G_MININT };
  gboolean ok;

  memset (summary, 0, sizeof *summary);

  if (pw_store_in_transaction (store))
    {
      g_set_error (error, PW_PEOPLE_IMPORT_ERROR, PW_PEOPLE_IMPORT_ERROR_BUSY,
                   _("%s: another change to the database is still open; finish it, then "
                     "import again."),
                   self->display_name);
      return FALSE;
    }

  /* Outside the transaction: SQLite will not change the safety level
   * inside one. */
  if (!self->dry_run)
    settings_for_import (self, store, &settings);

  ok = run_transaction (self, store, progress, cancellable, summary, error);

  if (!self->dry_run)
    {
      restore_settings (store, &settings);
      if (ok)
        checkpoint_later (store);
    }

  if (ok)
    report_progress (progress, 1.0);
  return ok;
}

static void
emit_changed (PwPeopleImport *self,
              PwStore        *store)
{
  if (self->dry_run)
    return;

  pw_store_emit_changed (store, "person");
  if (self->programme_id != 0)
    pw_store_emit_changed (store, "enrolment");
}

static void
pw_people_import_finalize (GObject *object)
{
  PwPeopleImport *self = (PwPeopleImport *)object;

  g_clear_pointer (&self->table, pw_csv_table_unref);
  g_clear_pointer (&self->display_name, g_free);
  g_clear_pointer (&self->headers, g_strfreev);
  g_clear_pointer (&self->mapping, g_strfreev);
  g_clear_pointer (&self->problems, g_ptr_array_unref);

  G_OBJECT_CLASS (pw_people_import_parent_class)->finalize (object);
}

static void
pw_people_import_class_init (PwPeopleImportClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = pw_people_import_finalize;
}

static void
pw_people_import_init (PwPeopleImport *self)
{
  self->problems = g_ptr_array_new_with_free_func (problem_free);
  self->existing = PW_PEOPLE_IMPORT_UPDATE;
}

GQuark
pw_people_import_error_quark (void)
{
  return g_quark_from_static_string ("pw-people-import-error-quark");
}

/**
 * pw_people_import_new:
 * @table: the parsed file; its first record is the header line
 * @display_name: the file's name in messages, e.g. "people.csv"
 *
 * Returns: (transfer full): an import with the guessed mapping
 */
PwPeopleImport *
pw_people_import_new (PwCsvTable *table,
                      const char *display_name)
{
  PwPeopleImport *self;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (table != NULL, NULL);
  g_return_val_if_fail (pw_csv_table_get_n_records (table) > 0, NULL);

  self = g_object_new (PW_TYPE_PEOPLE_IMPORT, NULL);
  self->table = pw_csv_table_ref (table);
  self->display_name = g_strdup (display_name ? display_name : "CSV");
  self->n_columns = pw_csv_table_get_n_fields (table, 0);

  for (guint i = 0; i < self->n_columns; i++)
    {
      g_autofree char *header = g_strstrip (g_strdup (pw_csv_table_get_field (table, 0, i)));
      g_strv_builder_add (builder, header);
    }
  self->headers = g_strv_builder_end (builder);
  self->mapping = pw_people_import_guess_mapping ((const char * const *)self->headers);

  return self;
}

PwPeopleImport *
pw_people_import_new_for_data (const char  *data,
                               gsize        length,
                               const char  *display_name,
                               GError     **error)
{
  g_autoptr(PwCsvTable) table = NULL;

  table = pw_csv_parse (data, length, PW_CSV_SEPARATOR_AUTO, display_name, error);
  if (table == NULL)
    return NULL;

  return pw_people_import_new (table, display_name);
}

/**
 * pw_people_import_new_for_file:
 *
 * Reads and parses the whole file (blocking: call it from a thread for a
 * file on a slow mount).
 */
PwPeopleImport *
pw_people_import_new_for_file (GFile         *file,
                               GCancellable  *cancellable,
                               GError       **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *name = NULL;
  gsize length = 0;
  const char *data;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  name = g_file_get_parse_name (file);

  /* A local file in one read of its size, rather than GIO's 8 KiB at a
   * time into a buffer that keeps doubling. */
  if (g_file_peek_path (file) != NULL)
    {
      char *contents = NULL;
      gsize size = 0;

      if (g_file_get_contents (g_file_peek_path (file), &contents, &size, NULL))
        bytes = g_bytes_new_take (contents, size);
    }

  if (bytes == NULL)
    bytes = g_file_load_bytes (file, cancellable, NULL, error);
  if (bytes == NULL)
    {
      g_prefix_error (error, "%s: ", name);
      return NULL;
    }

  data = g_bytes_get_data (bytes, &length);
  return pw_people_import_new_for_data (data ? data : "", length, name, error);
}

PwCsvTable *
pw_people_import_get_table (PwPeopleImport *self)
{
  g_return_val_if_fail (PW_IS_PEOPLE_IMPORT (self), NULL);

  return self->table;
}

const char *
pw_people_import_get_display_name (PwPeopleImport *self)
{
  g_return_val_if_fail (PW_IS_PEOPLE_IMPORT (self), NULL);

  return self->display_name;
}

guint
pw_people_import_get_n_columns (PwPeopleImport *self)
{
  g_return_val_if_fail (PW_IS_PEOPLE_IMPORT (self), 0);

  return self->n_columns;
}

/* Data lines, without the header. */
guint
pw_people_import_get_n_rows (PwPeopleImport *self)
{
  g_return_val_if_fail (PW_IS_PEOPLE_IMPORT (self), 0);

  return pw_csv_table_get_n_records (self->table) - 1;
}

const char *
pw_people_import_get_header (PwPeopleImport *self,
                             guint           column)
{
  g_return_val_if_fail (PW_IS_PEOPLE_IMPORT (self), NULL);
  g_return_val_if_fail (column < self->n_columns, NULL);

  return self->headers[column];
}

/**
 * pw_people_import_find_column:
 * @header_or_number: a header (without regard to case, spacing or
 *   punctuation) or a column number counted from 1
 *
 * Returns: the column, or -1
 */
int
pw_people_import_find_column (PwPeopleImport *self,
                              const char     *header_or_number)
{
  g_autofree char *key = NULL;
  guint64 number = 0;

  g_return_val_if_fail (PW_IS_PEOPLE_IMPORT (self), -1);
  g_return_val_if_fail (header_or_number != NULL, -1);

  for (guint i = 0; i < self->n_columns; i++)
    if (g_str_equal (self->headers[i], header_or_number))
      return i;

  key = normalise_header (header_or_number);
  for (guint i = 0; i < self->n_columns; i++)
    {
      g_autofree char *other = normalise_header (self->headers[i]);

      if (key[0] != '\0' && g_str_equal (key, other))
        return i;
    }

  if (g_ascii_string_to_unsigned (header_or_number, 10, 1, self->n_columns, &number, NULL))
    return (int)number - 1;

  return -1;
}

const char *
pw_people_import_get_mapping (PwPeopleImport *self,
                              guint           column)
{
  g_return_val_if_fail (PW_IS_PEOPLE_IMPORT (self), NULL);
  g_return_val_if_fail (column < self->n_columns, NULL);

  return self->mapping[column];
}

/**
 * pw_people_import_set_mapping:
 * @field: (nullable): a field name, "manager", or %NULL/"" to ignore the
 *   column
 *
 * A field belongs to one column: mapping it here unmaps it elsewhere.
 */
gboolean
pw_people_import_set_mapping (PwPeopleImport  *self,
                              guint            column,
                              const char      *field,
                              GError         **error)
{
  const char *canonical = "";

  g_return_val_if_fail (PW_IS_PEOPLE_IMPORT (self), FALSE);
  g_return_val_if_fail (column < self->n_columns, FALSE);

  if (field != NULL && field[0] != '\0')
    {
      int index;

      if (!is_known_field (field))
        {
          g_autofree char *known = g_strjoinv (", ", (char **)pw_person_list_fields ());

          g_set_error (error, PW_PEOPLE_IMPORT_ERROR, PW_PEOPLE_IMPORT_ERROR_MAPPING,
                       _("“%s” is not a field of a person: use manager or one of %s."),
                       field, known);
          return FALSE;
        }

      index = pw_person_field_index (field);
      canonical = index >= 0 ? pw_person_fields[index].name : PW_PEOPLE_IMPORT_FIELD_MANAGER;

      for (guint i = 0; i < self->n_columns; i++)
        if (i != column && g_str_equal (self->mapping[i], canonical))
          {
            g_free (self->mapping[i]);
            self->mapping[i] = g_strdup ("");
          }
    }

  g_free (self->mapping[column]);
  self->mapping[column] = g_strdup (canonical);
  return TRUE;
}

void
pw_people_import_set_existing (PwPeopleImport         *self,
                               PwPeopleImportExisting  existing)
{
  g_return_if_fail (PW_IS_PEOPLE_IMPORT (self));

  self->existing = existing;
}

PwPeopleImportExisting
pw_people_import_get_existing (PwPeopleImport *self)
{
  g_return_val_if_fail (PW_IS_PEOPLE_IMPORT (self), PW_PEOPLE_IMPORT_UPDATE);

  return self->existing;
}

void
pw_people_import_set_programme_id (PwPeopleImport *self,
                                   gint64          programme_id)
{
  g_return_if_fail (PW_IS_PEOPLE_IMPORT (self));
  g_return_if_fail (programme_id >= 0);

  self->programme_id = programme_id;
}

gint64
pw_people_import_get_programme_id (PwPeopleImport *self)
{
  g_return_val_if_fail (PW_IS_PEOPLE_IMPORT (self), 0);

  return self->programme_id;
}

void
pw_people_import_set_dry_run (PwPeopleImport *self,
                              gboolean        dry_run)
{
  g_return_if_fail (PW_IS_PEOPLE_IMPORT (self));

  self->dry_run = !!dry_run;
}

/**
 * pw_people_import_get_problems:
 *
 * Returns: (transfer none) (element-type PwImportProblem): the problems
 * the last validate or run found, in file order
 */
GPtrArray *
pw_people_import_get_problems (PwPeopleImport *self)
{
  g_return_val_if_fail (PW_IS_PEOPLE_IMPORT (self), NULL);

  return self->problems;
}

guint
pw_people_import_get_n_problems (PwPeopleImport *self)
{
  g_return_val_if_fail (PW_IS_PEOPLE_IMPORT (self), 0);

  return self->n_problems;
}

/**
 * pw_people_import_format_problem:
 *
 * Returns: (transfer full): `FILE:LINE:COLUMN: message`
 */
char *
pw_people_import_format_problem (PwPeopleImport        *self,
                                 const PwImportProblem *problem)
{
  g_return_val_if_fail (PW_IS_PEOPLE_IMPORT (self), NULL);
  g_return_val_if_fail (problem != NULL, NULL);

  return g_strdup_printf ("%s:%u:%s: %s", self->display_name, problem->line,
                          problem->column, problem->message);
}

/**
 * pw_people_import_validate:
 *
 * Checks the whole file against the directory without writing anything.
 * Returns %FALSE with %PW_PEOPLE_IMPORT_ERROR_INVALID when it found
 * problems (see pw_people_import_get_problems()).
 */
gboolean
pw_people_import_validate (PwPeopleImport  *self,
                           PwStore         *store,
                           GError         **error)
{
  PwPeopleImportSummary summary;
  gboolean dry_run;
  gboolean ok;

  g_return_val_if_fail (PW_IS_PEOPLE_IMPORT (self), FALSE);
  g_return_val_if_fail (PW_IS_STORE (store), FALSE);

  dry_run = self->dry_run;
  self->dry_run = TRUE;
  ok = run_internal (self, store, NULL, NULL, &summary, error);
  self->dry_run = dry_run;

  return ok;
}

/**
 * pw_people_import_run:
 * @progress: (nullable): called on this thread with the share done
 * @summary: (out) (optional): what was done (or, for a dry run, would be)
 *
 * Validates the whole file, then — only if it has no problem — writes
 * every person in one transaction: added, or for someone already in the
 * directory updated or skipped; then the managers, so a manager may come
 * after their reports; then the enrolments. On any error or cancellation
 * the transaction is rolled back and the database is as it was.
 *
 * It returns once the import is durably committed (the WAL synced);
 * copying it from the WAL into the database file is left to a worker
 * thread with a connection of its own.
 */
gboolean
pw_people_import_run (PwPeopleImport         *self,
                      PwStore                *store,
                      PwPeopleImportProgress  progress,
                      gpointer                progress_data,
                      GCancellable           *cancellable,
                      PwPeopleImportSummary  *summary,
                      GError                **error)
{
  PwPeopleImportSummary local = { 0 };
  Progress p = { progress, progress_data, NULL, -1 };

  g_return_val_if_fail (PW_IS_PEOPLE_IMPORT (self), FALSE);
  g_return_val_if_fail (PW_IS_STORE (store), FALSE);
  g_return_val_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable), FALSE);

  if (!run_internal (self, store, &p, cancellable, &local, error))
    return FALSE;

  emit_changed (self, store);
  if (summary != NULL)
    *summary = local;

  return TRUE;
}

static void
run_thread (GTask        *task,
            gpointer      source_object,
            gpointer      task_data,
            GCancellable *cancellable)
{
  PwPeopleImport *self = source_object;
  RunData *run = task_data;
  Progress p = { run->func, run->data, task, -1 };
  GError *error = NULL;

  if (run_internal (self, run->store, &p, cancellable, &run->summary, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
run_thread_done_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  PwPeopleImport *self = PW_PEOPLE_IMPORT (object);
  g_autoptr(GTask) outer = user_data;
  RunData *run = g_task_get_task_data (G_TASK (result));
  GError *error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_task_return_error (outer, error);
      return;
    }

  /* Back on the main context: lists may refresh now. */
  emit_changed (self, run->store);
  g_task_return_pointer (outer, g_memdup2 (&run->summary, sizeof run->summary), g_free);
}

/**
 * pw_people_import_run_async:
 * @progress: (nullable): called on the main context of the caller
 * @progress_data_destroy: (nullable): frees @progress_data when done
 *
 * As pw_people_import_run(), in a worker thread.
 *
 * The store's SQLite connection is opened with SQLITE_OPEN_NOMUTEX: it
 * must not be used by anyone else — including the main thread — until
 * @callback runs. The app shows a modal progress dialog meanwhile. Nor may
 * the import's own mapping and options change while it runs.
 */
void
pw_people_import_run_async (PwPeopleImport         *self,
                            PwStore                *store,
                            PwPeopleImportProgress  progress,
                            gpointer                progress_data,
                            GDestroyNotify          progress_data_destroy,
                            GCancellable           *cancellable,
                            GAsyncReadyCallback     callback,
                            gpointer                user_data)
{
  g_autoptr(GTask) outer = NULL;
  g_autoptr(GTask) inner = NULL;
  RunData *run;

  g_return_if_fail (PW_IS_PEOPLE_IMPORT (self));
  g_return_if_fail (PW_IS_STORE (store));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  outer = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (outer, pw_people_import_run_async);
  /* A cancel that comes after the commit does not undo it: report what
   * really happened. */
  g_task_set_check_cancellable (outer, FALSE);

  run = g_new0 (RunData, 1);
  run->store = g_object_ref (store);
  run->func = progress;
  run->data = progress_data;
  run->destroy = progress_data_destroy;

  inner = g_task_new (self, cancellable, run_thread_done_cb, g_steal_pointer (&outer));
  g_task_set_source_tag (inner, run_thread);
  g_task_set_task_data (inner, run, run_data_free);
  g_task_set_check_cancellable (inner, FALSE);
  /* Cancelling rolls back inside the thread; wait for that to finish. */
  g_task_set_return_on_cancel (inner, FALSE);
  g_task_run_in_thread (inner, run_thread);
}

gboolean
pw_people_import_run_finish (PwPeopleImport         *self,
                             GAsyncResult           *result,
                             PwPeopleImportSummary  *summary,
                             GError                **error)
{
  g_autofree PwPeopleImportSummary *done = NULL;

  g_return_val_if_fail (PW_IS_PEOPLE_IMPORT (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == pw_people_import_run_async, FALSE);

  done = g_task_propagate_pointer (G_TASK (result), error);
  if (done == NULL)
    return FALSE;

  if (summary != NULL)
    *summary = *done;

  return TRUE;
}

/* Export */

static GPtrArray *
export_columns (gboolean with_sensitive)
{
  GPtrArray *columns = g_ptr_array_new ();

  g_ptr_array_add (columns, (gpointer)pw_person_fields[PW_PERSON_FIELD_NAME].name);
  g_ptr_array_add (columns, (gpointer)pw_person_fields[PW_PERSON_FIELD_EMAIL].name);
  g_ptr_array_add (columns, (gpointer)PW_PEOPLE_IMPORT_FIELD_MANAGER);

  for (guint i = 0; i < PW_PERSON_N_FIELDS; i++)
    {
      if (i == PW_PERSON_FIELD_NAME || i == PW_PERSON_FIELD_EMAIL)
        continue;
      if (pw_person_fields[i].sensitive && !with_sensitive)
        continue;
      g_ptr_array_add (columns, (gpointer)pw_person_fields[i].name);
    }

  return columns;
}

/**
 * pw_people_export_csv_string:
 * @store: (nullable): to find managers who are not in @people
 *
 * Returns: (transfer full): the CSV text, or %NULL with @error set
 */
char *
pw_people_export_csv_string (PwStore     *store,
                             GListModel  *people,
                             gboolean     with_sensitive,
                             GError     **error)
{
  g_autoptr(GPtrArray) columns = export_columns (with_sensitive);
  g_autoptr(GHashTable) emails = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  g_autoptr(GString) out = NULL;
  guint n;

  g_return_val_if_fail (store == NULL || PW_IS_STORE (store), NULL);
  g_return_val_if_fail (G_IS_LIST_MODEL (people), NULL);

  n = g_list_model_get_n_items (people);
  out = g_string_sized_new (256 + n * 512);

  pw_csv_append_row (out, (const char * const *)columns->pdata, columns->len, ',');

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PwPerson) person = g_list_model_get_item (people, i);
      gint64 *key = g_new (gint64, 1);

      *key = pw_person_get_id (person);
      g_hash_table_insert (emails, key, g_strdup (pw_person_get_email (person)));
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PwPerson) person = g_list_model_get_item (people, i);

      for (guint c = 0; c < columns->len; c++)
        {
          const char *column = g_ptr_array_index (columns, c);
          g_autofree char *value = NULL;

          if (c > 0)
            g_string_append_c (out, ',');

          if (g_str_equal (column, PW_PEOPLE_IMPORT_FIELD_MANAGER))
            {
              gint64 manager_id = pw_person_get_manager_id (person);
              const char *email;

              if (manager_id == 0)
                continue;

              email = g_hash_table_lookup (emails, &manager_id);
              if (email == NULL && store != NULL)
                {
                  g_autoptr(PwPerson) manager = pw_person_repo_get (store, manager_id, error);
                  gint64 *key;

                  if (manager == NULL)
                    return NULL;

                  key = g_new (gint64, 1);
                  *key = manager_id;
                  email = g_strdup (pw_person_get_email (manager));
                  g_hash_table_insert (emails, key, (char *)email);
                }
              pw_csv_append_field (out, email, ',');
              continue;
            }

          value = pw_person_get_field (person, column);
          pw_csv_append_field (out, value, ',');
        }

      g_string_append (out, "\r\n");
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/**
 * pw_people_export_csv:
 *
 * Writes pw_people_export_csv_string() to @out; does not close it.
 */
gboolean
pw_people_export_csv (PwStore        *store,
                      GListModel     *people,
                      gboolean        with_sensitive,
                      GOutputStream  *out,
                      GCancellable   *cancellable,
                      GError        **error)
{
  g_autofree char *text = NULL;

  g_return_val_if_fail (G_IS_OUTPUT_STREAM (out), FALSE);

  text = pw_people_export_csv_string (store, people, with_sensitive, error);
  if (text == NULL)
    return FALSE;

  return g_output_stream_write_all (out, text, strlen (text), NULL, cancellable, error);
}
