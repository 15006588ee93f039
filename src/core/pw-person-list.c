/* pw-person-list.c — a programme's people in list form
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A table of 5,000 people needs eight short columns of each, not their
 * questionnaire answers: one query reads only those (the manager's name
 * joined in), and each item keeps its strings in one allocation.
 */
#include "config.h"

#define G_LOG_DOMAIN "pw-person-list"

#include <string.h>

#include "pw-person-list.h"

typedef enum
{
  TEXT_NAME,
  TEXT_EMAIL,
  TEXT_JOB_TITLE,
  TEXT_DEPARTMENT,
  TEXT_GRADE,
  TEXT_MANAGER,
  TEXT_SEARCH_KEY,
  TEXT_NAME_KEY,
  N_TEXTS
} Text;

struct _PwPersonItem
{
  GObject     parent_instance;

  gint64      id;
  gint64      manager_id;
  PwRole      role_wanted;
  const char *text [N_TEXTS];  /* into block */
  char       *block;
};

G_DEFINE_FINAL_TYPE (PwPersonItem, pw_person_item, G_TYPE_OBJECT)

/* For GtkStringSorter and other property expressions. */
enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_EMAIL,
  PROP_JOB_TITLE,
  PROP_DEPARTMENT,
  PROP_GRADE,
  PROP_MANAGER,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

/* The columns the person repository writes (see pw-person-repo.c); role
 * by the nicks it stores. The manager in the directory wins over a name
 * given for someone outside it, as PwPerson's manager-id does. */
static const char list_sql[] =
  "SELECT p.id, p.manager_id, p.role_wanted, p.name, p.email, p.job_title, p.department, "
  "       p.grade, CASE WHEN p.manager_id IS NULL THEN p.manager_name ELSE m.name END "
  "FROM enrolment e "
  "JOIN person p ON p.id = e.person_id "
  "LEFT JOIN person m ON m.id = p.manager_id "
  "WHERE e.programme_id = ?1 "
  "ORDER BY p.name COLLATE NOCASE, p.id";

#define FIRST_TEXT_COLUMN 3

static const char * const role_nicks[] = { "either", "mentor", "mentee" };

/* What pw_person_get_search_key() holds: name, email, department and job
 * title, one a line, casefolded. */
static char *
search_key (const char * const *text)
{
  g_autofree char *joined = g_strjoin ("\n",
                                       text[TEXT_NAME], text[TEXT_EMAIL],
                                       text[TEXT_DEPARTMENT], text[TEXT_JOB_TITLE],
                                       NULL);
  gboolean ascii = TRUE;

  for (const char *p = joined; *p != '\0'; p++)
    if ((guchar) *p >= 0x80)
      {
        ascii = FALSE;
        break;
      }

  /* Casefolding ASCII lowers it and nothing more. */
  if (ascii)
    return g_ascii_strdown (joined, -1);

  return g_utf8_casefold (joined, -1);
}

static PwPersonItem *
item_from_row (sqlite3_stmt *stmt)
{
  PwPersonItem *self = g_object_new (PW_TYPE_PERSON_ITEM, NULL);
  const char *text[N_TEXTS] = { NULL };
  g_autofree char *key = NULL;
  g_autofree char *folded_name = NULL;
  g_autofree char *name_key = NULL;
  gsize lengths[N_TEXTS];
  gsize size = 0;
  const char *role;
  char *p;

  self->id = sqlite3_column_int64 (stmt, 0);
  self->manager_id = sqlite3_column_int64 (stmt, 1);
  role = (const char *) sqlite3_column_text (stmt, 2);
  for (guint k = 0; k < G_N_ELEMENTS (role_nicks); k++)
    if (g_strcmp0 (role, role_nicks[k]) == 0)
      self->role_wanted = (PwRole) k;

  for (guint t = 0; t < TEXT_SEARCH_KEY; t++)
    {
      text[t] = (const char *) sqlite3_column_text (stmt, FIRST_TEXT_COLUMN + t);
      if (text[t] == NULL)
        text[t] = "";
    }
  key = search_key (text);
  text[TEXT_SEARCH_KEY] = key;
  /* The name casefolded is the key's first line. */
  folded_name = g_strndup (key, strcspn (key, "\n"));
  name_key = g_utf8_collate_key (folded_name, -1);
  text[TEXT_NAME_KEY] = name_key;

  for (guint t = 0; t < N_TEXTS; t++)
    {
      lengths[t] = strlen (text[t]) + 1;
      size += lengths[t];
    }

  p = self->block = g_malloc (size);
  for (guint t = 0; t < N_TEXTS; t++)
    {
      memcpy (p, text[t], lengths[t]);
      self->text[t] = p;
      p += lengths[t];
    }

  return self;
}

static void
pw_person_item_finalize (GObject *object)
{
  PwPersonItem *self = PW_PERSON_ITEM (object);

  g_free (self->block);

  G_OBJECT_CLASS (pw_person_item_parent_class)->finalize (object);
}

static void
pw_person_item_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  PwPersonItem *self = PW_PERSON_ITEM (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->text[TEXT_NAME]);
      break;
    case PROP_EMAIL:
      g_value_set_string (value, self->text[TEXT_EMAIL]);
      break;
    case PROP_JOB_TITLE:
      g_value_set_string (value, self->text[TEXT_JOB_TITLE]);
      break;
    case PROP_DEPARTMENT:
      g_value_set_string (value, self->text[TEXT_DEPARTMENT]);
      break;
    case PROP_GRADE:
      g_value_set_string (value, self->text[TEXT_GRADE]);
      break;
    case PROP_MANAGER:
      g_value_set_string (value, self->text[TEXT_MANAGER]);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pw_person_item_class_init (PwPersonItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = pw_person_item_finalize;
  object_class->get_property = pw_person_item_get_property;

  properties [PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties [PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, "", G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties [PROP_EMAIL] =
    g_param_spec_string ("email", NULL, NULL, "", G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties [PROP_JOB_TITLE] =
    g_param_spec_string ("job-title", NULL, NULL, "", G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties [PROP_DEPARTMENT] =
    g_param_spec_string ("department", NULL, NULL, "", G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties [PROP_GRADE] =
    g_param_spec_string ("grade", NULL, NULL, "", G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties [PROP_MANAGER] =
    g_param_spec_string ("manager", NULL, NULL, "", G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pw_person_item_init (PwPersonItem *self)
{
  self->role_wanted = PW_ROLE_EITHER;
}

/* Public API */

GListModel *
pw_person_list_enrolled (PwStore  *store,
                         gint64    programme_id,
                         GError  **error)
{
  g_autoptr(GListStore) list = NULL;
  g_autoptr(GPtrArray) items = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (PW_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = pw_store_prepare (store, list_sql, error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, programme_id);
  items = g_ptr_array_new_with_free_func (g_object_unref);
  while ((rc = pw_store_step (store, stmt, error)) == SQLITE_ROW)
    g_ptr_array_add (items, item_from_row (stmt));
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);

  if (rc < 0)
    return NULL;

  /* One splice, one items-changed, rather than 5,000. */
  list = g_list_store_new (PW_TYPE_PERSON_ITEM);
  g_list_store_splice (list, 0, 0, items->pdata, items->len);

  return G_LIST_MODEL (g_steal_pointer (&list));
}

gint64
pw_person_list_count_enrolled (PwStore  *store,
                               gint64    programme_id,
                               GError  **error)
{
  sqlite3_stmt *stmt;
  gint64 count = -1;
  int rc;

  g_return_val_if_fail (PW_IS_STORE (store), -1);
  g_return_val_if_fail (error == NULL || *error == NULL, -1);

  stmt = pw_store_prepare (store, "SELECT count(*) FROM enrolment WHERE programme_id = ?1", error);
  if (stmt == NULL)
    return -1;

  sqlite3_bind_int64 (stmt, 1, programme_id);
  rc = pw_store_step (store, stmt, error);
  if (rc == SQLITE_ROW)
    count = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);

  return count;
}

gint64
pw_person_item_get_id (PwPersonItem *self)
{
  g_return_val_if_fail (PW_IS_PERSON_ITEM (self), 0);

  return self->id;
}

gint64
pw_person_item_get_manager_id (PwPersonItem *self)
{
  g_return_val_if_fail (PW_IS_PERSON_ITEM (self), 0);

  return self->manager_id;
}

const char *
pw_person_item_get_name (PwPersonItem *self)
{
  g_return_val_if_fail (PW_IS_PERSON_ITEM (self), NULL);

  return self->text[TEXT_NAME];
}

const char *
pw_person_item_get_email (PwPersonItem *self)
{
  g_return_val_if_fail (PW_IS_PERSON_ITEM (self), NULL);

  return self->text[TEXT_EMAIL];
}

const char *
pw_person_item_get_job_title (PwPersonItem *self)
{
  g_return_val_if_fail (PW_IS_PERSON_ITEM (self), NULL);

  return self->text[TEXT_JOB_TITLE];
}

const char *
pw_person_item_get_department (PwPersonItem *self)
{
  g_return_val_if_fail (PW_IS_PERSON_ITEM (self), NULL);

  return self->text[TEXT_DEPARTMENT];
}

const char *
pw_person_item_get_grade (PwPersonItem *self)
{
  g_return_val_if_fail (PW_IS_PERSON_ITEM (self), NULL);

  return self->text[TEXT_GRADE];
}

PwRole
pw_person_item_get_role_wanted (PwPersonItem *self)
{
  g_return_val_if_fail (PW_IS_PERSON_ITEM (self), PW_ROLE_EITHER);

  return self->role_wanted;
}

const char *
pw_person_item_get_manager (PwPersonItem *self)
{
  g_return_val_if_fail (PW_IS_PERSON_ITEM (self), NULL);

  return self->text[TEXT_MANAGER];
}

const char *
pw_person_item_get_search_key (PwPersonItem *self)
{
  g_return_val_if_fail (PW_IS_PERSON_ITEM (self), NULL);

  return self->text[TEXT_SEARCH_KEY];
}

/**
 * pw_person_item_get_name_key:
 *
 * Returns: the name's collation key, without regard to case: what
 *   GtkStringSorter would make of the name, made once as the list is read
 *   so that sorting thousands by name (as the list opens) compares keys
 *   with strcmp() and makes none.
 */
const char *
pw_person_item_get_name_key (PwPersonItem *self)
{
  g_return_val_if_fail (PW_IS_PERSON_ITEM (self), NULL);

  return self->text[TEXT_NAME_KEY];
}
