/* pw-person.c — a person in the directory and their questionnaire
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "pw-person"

#include <string.h>

#include <glib/gi18n.h>

#include "pw-enums.h"
#include "pw-person.h"
#include "pw-person-private.h"

struct _PwPerson
{
  GObject  parent_instance;

  gint64   id;
  gint64   manager_id;
  char    *uuid;
  char    *search_key;
  char    *text [PW_PERSON_N_FIELDS];  /* text fields, by field index */
  int      number [PW_PERSON_N_FIELDS];/* numbers, enums and flags */
  GStrv    topics [2];                 /* offered, wanted */
};

G_DEFINE_FINAL_TYPE (PwPerson, pw_person, G_TYPE_OBJECT)

/* Properties are the fields, numbered from 1 in table order, then these. */
enum {
  PROP_0,
  PROP_ID = PW_PERSON_N_FIELDS + 1,
  PROP_UUID,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

#define F(ident, name, kind, section, label) \
  [PW_PERSON_FIELD_##ident] = { name, kind, section, FALSE, label }
#define S(ident, name, label) \
  [PW_PERSON_FIELD_##ident] = { name, PW_FIELD_TEXT, PW_SECTION_SENSITIVE, TRUE, label }

const PwPersonFieldInfo pw_person_fields [PW_PERSON_N_FIELDS] = {
  F (NAME,               "name",               PW_FIELD_TEXT,    PW_SECTION_POSITION,   N_("Name")),
  F (EMAIL,              "email",              PW_FIELD_TEXT,    PW_SECTION_POSITION,   N_("Email")),
  F (JOB_TITLE,          "job-title",          PW_FIELD_TEXT,    PW_SECTION_POSITION,   N_("Job title")),
  F (DEPARTMENT,         "department",         PW_FIELD_TEXT,    PW_SECTION_POSITION,   N_("Department")),
  F (LOCATION,           "location",           PW_FIELD_TEXT,    PW_SECTION_POSITION,   N_("Location")),
  F (DISCIPLINE,         "discipline",         PW_FIELD_TEXT,    PW_SECTION_POSITION,   N_("Discipline")),
  F (STAFF_GROUP,        "staff-group",        PW_FIELD_TEXT,    PW_SECTION_POSITION,   N_("Staff group")),
  F (BACKGROUND,         "background",         PW_FIELD_TEXT,    PW_SECTION_POSITION,   N_("Professional background")),
  F (GRADE,              "grade",              PW_FIELD_TEXT,    PW_SECTION_POSITION,   N_("Grade")),
  F (ROLE_START,         "role-start",         PW_FIELD_DATE,    PW_SECTION_POSITION,   N_("Started in role")),
  F (ORG_START,          "org-start",          PW_FIELD_DATE,    PW_SECTION_POSITION,   N_("Joined the organization")),
  F (RESPONSIBILITIES,   "responsibilities",   PW_FIELD_TEXT,    PW_SECTION_POSITION,   N_("Role and responsibilities")),
  F (MANAGER_NAME,       "manager-name",       PW_FIELD_TEXT,    PW_SECTION_POSITION,   N_("Manager")),
  F (MANAGER_EMAIL,      "manager-email",      PW_FIELD_TEXT,    PW_SECTION_POSITION,   N_("Manager’s email")),
  F (ROLE_WANTED,        "role-wanted",        PW_FIELD_ROLE,    PW_SECTION_OBJECTIVES, N_("Wants to be")),
  F (STRENGTHS,          "strengths",          PW_FIELD_TEXT,    PW_SECTION_OBJECTIVES, N_("Strengths")),
  F (DEVELOPMENT_AREAS,  "development-areas",  PW_FIELD_TEXT,    PW_SECTION_OBJECTIVES, N_("Areas to develop")),
  F (CHALLENGES,         "challenges",         PW_FIELD_TEXT,    PW_SECTION_OBJECTIVES, N_("Current challenges")),
  F (EXPERIENCES,        "experiences",        PW_FIELD_TEXT,    PW_SECTION_OBJECTIVES, N_("Unique experiences")),
  F (IDEAL_RELATIONSHIP, "ideal-relationship", PW_FIELD_TEXT,    PW_SECTION_OBJECTIVES, N_("Ideal mentoring relationship")),
  F (SELF_DESCRIPTION,   "self-description",   PW_FIELD_TEXT,    PW_SECTION_ABOUT,      N_("Describe yourself")),
  F (THREE_YEARS,        "three-years",        PW_FIELD_TEXT,    PW_SECTION_ABOUT,      N_("Where in three years")),
  F (PASSIONS,           "passions",           PW_FIELD_TEXT,    PW_SECTION_ABOUT,      N_("Passions")),
  F (WORK_LIFE_BALANCE,  "work-life-balance",  PW_FIELD_TEXT,    PW_SECTION_ABOUT,      N_("Work–life balance")),
  F (PREFERRED_CONTACT,  "preferred-contact",  PW_FIELD_CONTACT, PW_SECTION_ABOUT,      N_("Preferred communication")),
  F (HOURS_PER_MONTH,    "hours-per-month",    PW_FIELD_NUMBER,  PW_SECTION_TOGETHER,   N_("Hours a month available")),
  F (TIME_AVAILABLE,     "time-available",     PW_FIELD_TEXT,    PW_SECTION_TOGETHER,   N_("Time available")),
  F (CAPACITY,           "capacity",           PW_FIELD_NUMBER,  PW_SECTION_TOGETHER,   N_("Mentees at once")),
  F (REVERSE_MEANING,    "reverse-meaning",    PW_FIELD_TEXT,    PW_SECTION_TOGETHER,   N_("What reverse mentoring means to them")),
  F (TOPICS_OFFERED,     "topics-offered",     PW_FIELD_TOPICS,  PW_SECTION_TOGETHER,   N_("Topics offered")),
  F (TOPICS_WANTED,      "topics-wanted",      PW_FIELD_TOPICS,  PW_SECTION_TOGETHER,   N_("Topics wanted")),
  S (AGE_BAND,           "age-band",           N_("Age band")),
  S (GENDER,             "gender",             N_("Gender")),
  S (ETHNICITY,          "ethnicity",          N_("Ethnicity")),
  S (DISABILITY,         "disability",         N_("Disability")),
  S (TARGET_GROUP,       "target-group",       N_("Positive-action target group")),
};

#undef F
#undef S

static const char * const *
field_names (void)
{
  static const char *names [PW_PERSON_N_FIELDS + 1];

  if (names[0] == NULL)
    for (guint i = 0; i < PW_PERSON_N_FIELDS; i++)
      names[i] = pw_person_fields[i].name;

  return names;
}

int
pw_person_field_index (const char *field)
{
  g_autofree char *canon = NULL;

  if (field == NULL)
    return -1;

  canon = g_strdelimit (g_ascii_strdown (field, -1), "_", '-');
  for (guint i = 0; i < PW_PERSON_N_FIELDS; i++)
    if (g_str_equal (canon, pw_person_fields[i].name))
      return i;

  return -1;
}

static int
topic_slot (guint field)
{
  return field == PW_PERSON_FIELD_TOPICS_OFFERED ? 0 : 1;
}

static void
update_search_key (PwPerson *self)
{
  g_autofree char *joined = g_strjoin ("\n",
                                       self->text[PW_PERSON_FIELD_NAME],
                                       self->text[PW_PERSON_FIELD_EMAIL],
                                       self->text[PW_PERSON_FIELD_DEPARTMENT],
                                       self->text[PW_PERSON_FIELD_JOB_TITLE],
                                       NULL);

  g_free (self->search_key);
  self->search_key = g_utf8_casefold (joined, -1);
}

static gboolean
field_in_search_key (guint field)
{
  return field == PW_PERSON_FIELD_NAME || field == PW_PERSON_FIELD_EMAIL ||
         field == PW_PERSON_FIELD_DEPARTMENT || field == PW_PERSON_FIELD_JOB_TITLE;
}

static void
notify_field (PwPerson *self,
              guint     field)
{
  if (field_in_search_key (field))
    update_search_key (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[field + 1]);
}

static GStrv
split_topics (const char *text)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  const char *p = text ? text : "";

  /* Commas, semicolons and line breaks all separate tags (HR exports use
   * each); this runs for every imported row, so no regex. */
  while (*p != '\0')
    {
      const char *end = p + strcspn (p, ",;\n");
      g_autofree char *item = g_strstrip (g_strndup (p, end - p));

      if (item[0] != '\0')
        g_strv_builder_add (builder, item);
      p = *end ? end + 1 : end;
    }

  return g_strv_builder_end (builder);
}

static void
set_topics (PwPerson           *self,
            guint               field,
            const char * const *topics)
{
  static const char * const empty[] = { NULL };
  GStrv *slot = &self->topics[topic_slot (field)];

  if (topics == NULL)
    topics = empty;

  if (*slot != NULL && g_strv_equal ((const char * const *)*slot, topics))
    return;

  g_strfreev (*slot);
  *slot = g_strdupv ((char **)topics);
  notify_field (self, field);
}

static void
set_text (PwPerson   *self,
          guint       field,
          const char *value)
{
  if (value == NULL)
    value = "";

  if (g_strcmp0 (self->text[field], value) == 0)
    return;

  g_free (self->text[field]);
  self->text[field] = g_strdup (value);
  notify_field (self, field);
}

static void
set_number (PwPerson *self,
            guint     field,
            int       value)
{
  if (self->number[field] == value)
    return;

  self->number[field] = value;
  notify_field (self, field);
}

static void
pw_person_finalize (GObject *object)
{
  PwPerson *self = (PwPerson *)object;

  for (guint i = 0; i < PW_PERSON_N_FIELDS; i++)
    g_clear_pointer (&self->text[i], g_free);
  g_clear_pointer (&self->topics[0], g_strfreev);
  g_clear_pointer (&self->topics[1], g_strfreev);
  g_clear_pointer (&self->uuid, g_free);
  g_clear_pointer (&self->search_key, g_free);

  G_OBJECT_CLASS (pw_person_parent_class)->finalize (object);
}

static void
pw_person_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  PwPerson *self = PW_PERSON (object);
  guint field = prop_id - 1;

  if (prop_id == PROP_ID)
    g_value_set_int64 (value, self->id);
  else if (prop_id == PROP_UUID)
    g_value_set_string (value, self->uuid);
  else if (prop_id >= 1 && field < PW_PERSON_N_FIELDS)
    {
      switch (pw_person_fields[field].kind)
        {
        case PW_FIELD_TEXT:
        case PW_FIELD_DATE:
          g_value_set_string (value, self->text[field]);
          break;
        case PW_FIELD_NUMBER:
          g_value_set_int (value, self->number[field]);
          break;
        case PW_FIELD_ROLE:
          g_value_set_enum (value, self->number[field]);
          break;
        case PW_FIELD_CONTACT:
          g_value_set_flags (value, (guint)self->number[field]);
          break;
        case PW_FIELD_TOPICS:
          g_value_set_boxed (value, self->topics[topic_slot (field)]);
          break;
        default:
          g_assert_not_reached ();
        }
    }
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
pw_person_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  PwPerson *self = PW_PERSON (object);
  guint field = prop_id - 1;

  if (prop_id == PROP_ID)
    pw_person_set_id (self, g_value_get_int64 (value));
  else if (prop_id == PROP_UUID)
    {
      if (g_strcmp0 (self->uuid, g_value_get_string (value)) != 0)
        {
          g_free (self->uuid);
          self->uuid = g_value_dup_string (value);
          g_object_notify_by_pspec (object, pspec);
        }
    }
  else if (prop_id >= 1 && field < PW_PERSON_N_FIELDS)
    {
      switch (pw_person_fields[field].kind)
        {
        case PW_FIELD_TEXT:
        case PW_FIELD_DATE:
          set_text (self, field, g_value_get_string (value));
          break;
        case PW_FIELD_NUMBER:
          set_number (self, field, g_value_get_int (value));
          break;
        case PW_FIELD_ROLE:
          set_number (self, field, g_value_get_enum (value));
          break;
        case PW_FIELD_CONTACT:
          set_number (self, field, (int)g_value_get_flags (value));
          break;
        case PW_FIELD_TOPICS:
          set_topics (self, field, g_value_get_boxed (value));
          break;
        default:
          g_assert_not_reached ();
        }
    }
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
pw_person_class_init (PwPersonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = pw_person_finalize;
  object_class->get_property = pw_person_get_property;
  object_class->set_property = pw_person_set_property;

  for (guint i = 0; i < PW_PERSON_N_FIELDS; i++)
    {
      const PwPersonFieldInfo *info = &pw_person_fields[i];
      GParamSpec *pspec = NULL;

      switch (info->kind)
        {
        case PW_FIELD_TEXT:
        case PW_FIELD_DATE:
          pspec = g_param_spec_string (info->name, info->label, NULL, "", flags);
          break;
        case PW_FIELD_NUMBER:
          pspec = g_param_spec_int (info->name, info->label, NULL, 0,
                                    i == PW_PERSON_FIELD_CAPACITY ? PW_PERSON_CAPACITY_MAX : PW_PERSON_HOURS_MAX,
                                    i == PW_PERSON_FIELD_CAPACITY ? 1 : 0, flags);
          break;
        case PW_FIELD_ROLE:
          pspec = g_param_spec_enum (info->name, info->label, NULL, PW_TYPE_ROLE, PW_ROLE_EITHER, flags);
          break;
        case PW_FIELD_CONTACT:
          pspec = g_param_spec_flags (info->name, info->label, NULL, PW_TYPE_CONTACT_FORM, 0, flags);
          break;
        case PW_FIELD_TOPICS:
          pspec = g_param_spec_boxed (info->name, info->label, NULL, G_TYPE_STRV, flags);
          break;
        default:
          g_assert_not_reached ();
        }
      properties[i + 1] = pspec;
    }

  properties [PROP_ID] =
    g_param_spec_int64 ("id", "ID", NULL, 0, G_MAXINT64, 0, flags);
  properties [PROP_UUID] =
    g_param_spec_string ("uuid", "UUID", NULL, NULL, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pw_person_init (PwPerson *self)
{
  for (guint i = 0; i < PW_PERSON_N_FIELDS; i++)
    self->text[i] = g_strdup ("");
  self->number[PW_PERSON_FIELD_CAPACITY] = 1;
  self->topics[0] = g_new0 (char *, 1);
  self->topics[1] = g_new0 (char *, 1);
  self->uuid = g_uuid_string_random ();
  update_search_key (self);
}

GQuark
pw_person_error_quark (void)
{
  return g_quark_from_static_string ("pw-person-error-quark");
}

PwPerson *
pw_person_new (const char *name,
               const char *email)
{
  return g_object_new (PW_TYPE_PERSON, "name", name, "email", email, NULL);
}

/**
 * pw_person_copy:
 *
 * Returns: (transfer full): a copy with the same ID and UUID, for editing
 * without touching the original until the edit is valid
 */
PwPerson *
pw_person_copy (PwPerson *self)
{
  PwPerson *copy;

  g_return_val_if_fail (PW_IS_PERSON (self), NULL);

  copy = g_object_new (PW_TYPE_PERSON, NULL);
  copy->id = self->id;
  copy->manager_id = self->manager_id;
  g_free (copy->uuid);
  copy->uuid = g_strdup (self->uuid);
  for (guint i = 0; i < PW_PERSON_N_FIELDS; i++)
    {
      g_free (copy->text[i]);
      copy->text[i] = g_strdup (self->text[i]);
      copy->number[i] = self->number[i];
    }
  for (guint i = 0; i < 2; i++)
    {
      g_strfreev (copy->topics[i]);
      copy->topics[i] = g_strdupv (self->topics[i]);
    }
  update_search_key (copy);

  return copy;
}

gint64
pw_person_get_id (PwPerson *self)
{
  g_return_val_if_fail (PW_IS_PERSON (self), 0);

  return self->id;
}

void
pw_person_set_id (PwPerson *self,
                  gint64    id)
{
  g_return_if_fail (PW_IS_PERSON (self));

  if (self->id == id)
    return;

  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_ID]);
}

const char *
pw_person_get_uuid (PwPerson *self)
{
  g_return_val_if_fail (PW_IS_PERSON (self), NULL);

  return self->uuid;
}

void
pw_person_set_uuid (PwPerson   *self,
                    const char *uuid)
{
  g_return_if_fail (PW_IS_PERSON (self));
  g_return_if_fail (uuid != NULL);

  g_object_set (self, "uuid", uuid, NULL);
}

const char *
pw_person_get_text (PwPerson        *self,
                    PwPersonFieldId  field)
{
  g_return_val_if_fail (PW_IS_PERSON (self), NULL);
  g_return_val_if_fail (field < PW_PERSON_N_FIELDS, NULL);

  return self->text[field];
}

int
pw_person_get_number (PwPerson        *self,
                      PwPersonFieldId  field)
{
  g_return_val_if_fail (PW_IS_PERSON (self), 0);
  g_return_val_if_fail (field < PW_PERSON_N_FIELDS, 0);

  return self->number[field];
}

const char *
pw_person_get_name (PwPerson *self)
{
  return pw_person_get_text (self, PW_PERSON_FIELD_NAME);
}

const char *
pw_person_get_email (PwPerson *self)
{
  return pw_person_get_text (self, PW_PERSON_FIELD_EMAIL);
}

const char *
pw_person_get_job_title (PwPerson *self)
{
  return pw_person_get_text (self, PW_PERSON_FIELD_JOB_TITLE);
}

const char *
pw_person_get_department (PwPerson *self)
{
  return pw_person_get_text (self, PW_PERSON_FIELD_DEPARTMENT);
}

const char *
pw_person_get_grade (PwPerson *self)
{
  return pw_person_get_text (self, PW_PERSON_FIELD_GRADE);
}

PwRole
pw_person_get_role_wanted (PwPerson *self)
{
  return pw_person_get_number (self, PW_PERSON_FIELD_ROLE_WANTED);
}

int
pw_person_get_capacity (PwPerson *self)
{
  return pw_person_get_number (self, PW_PERSON_FIELD_CAPACITY);
}

int
pw_person_get_hours_per_month (PwPerson *self)
{
  return pw_person_get_number (self, PW_PERSON_FIELD_HOURS_PER_MONTH);
}

gint64
pw_person_get_manager_id (PwPerson *self)
{
  g_return_val_if_fail (PW_IS_PERSON (self), 0);

  return self->manager_id;
}

void
pw_person_set_manager_id (PwPerson *self,
                          gint64    manager_id)
{
  g_return_if_fail (PW_IS_PERSON (self));

  self->manager_id = manager_id;
}

const char * const *
pw_person_get_topics_offered (PwPerson *self)
{
  g_return_val_if_fail (PW_IS_PERSON (self), NULL);

  return (const char * const *)self->topics[0];
}

const char * const *
pw_person_get_topics_wanted (PwPerson *self)
{
  g_return_val_if_fail (PW_IS_PERSON (self), NULL);

  return (const char * const *)self->topics[1];
}

const char *
pw_person_get_search_key (PwPerson *self)
{
  g_return_val_if_fail (PW_IS_PERSON (self), NULL);

  return self->search_key;
}

const char * const *
pw_person_list_fields (void)
{
  return field_names ();
}

gboolean
pw_person_field_is_sensitive (const char *field)
{
  int i = pw_person_field_index (field);

  return i >= 0 && pw_person_fields[i].sensitive;
}

const char *
pw_person_field_label (const char *field)
{
  int i = pw_person_field_index (field);

  return i >= 0 ? _(pw_person_fields[i].label) : NULL;
}

/* A pragmatic check, not RFC 5322: one @, something before it, a dot in
 * the domain, no spaces. It catches the typos HR exports contain. */
gboolean
pw_person_check_email (const char  *email,
                       GError     **error)
{
  const char *at;
  const char *dot;

  if (email == NULL || email[0] == '\0')
    {
      g_set_error_literal (error, PW_PERSON_ERROR, PW_PERSON_ERROR_EMAIL_REQUIRED,
                           _("email is empty: every person needs an email address."));
      return FALSE;
    }

  at = strchr (email, '@');
  dot = at ? strrchr (at, '.') : NULL;

  if (at == NULL || at == email || strchr (at + 1, '@') != NULL ||
      dot == NULL || dot == at + 1 || dot[1] == '\0' ||
      strpbrk (email, " \t\r\n,;<>()[]\"") != NULL)
    {
      g_set_error (error, PW_PERSON_ERROR, PW_PERSON_ERROR_EMAIL_INVALID,
                   _("“%s” is not an email address: write it as name@example.org."), email);
      return FALSE;
    }

  return TRUE;
}

gboolean
pw_person_set_field (PwPerson    *self,
                     const char  *field,
                     const char  *value,
                     GError     **error)
{
  const PwPersonFieldInfo *info;
  g_autofree char *trimmed = NULL;
  int i;

  g_return_val_if_fail (PW_IS_PERSON (self), FALSE);
  g_return_val_if_fail (value != NULL, FALSE);

  i = pw_person_field_index (field);
  if (i < 0)
    {
      g_set_error (error, PW_PERSON_ERROR, PW_PERSON_ERROR_UNKNOWN_FIELD,
                   _("“%s” is not a field of a person."), field ? field : "");
      return FALSE;
    }

  info = &pw_person_fields[i];
  trimmed = g_strstrip (g_strdup (value));

  switch (info->kind)
    {
    case PW_FIELD_TEXT:
      if (i == PW_PERSON_FIELD_NAME && trimmed[0] == '\0')
        {
          g_set_error_literal (error, PW_PERSON_ERROR, PW_PERSON_ERROR_NAME_REQUIRED,
                               _("name is empty: every person needs a name."));
          return FALSE;
        }
      if (i == PW_PERSON_FIELD_EMAIL && !pw_person_check_email (trimmed, error))
        return FALSE;
      if (i == PW_PERSON_FIELD_MANAGER_EMAIL && trimmed[0] != '\0' &&
          !pw_person_check_email (trimmed, error))
        return FALSE;
      /* Free text keeps its inner line breaks; one-line fields are trimmed. */
      set_text (self, i, info->section == PW_SECTION_POSITION || info->sensitive ? trimmed : value);
      return TRUE;

    case PW_FIELD_DATE:
      if (trimmed[0] != '\0')
        {
          g_autoptr(GDate) date = pw_date_parse (trimmed);
          if (date == NULL)
            {
              g_set_error (error, PW_PERSON_ERROR, PW_PERSON_ERROR_INVALID_DATE,
                           _("“%s” is not a date: write it as YYYY-MM-DD."), trimmed);
              return FALSE;
            }
        }
      set_text (self, i, trimmed);
      return TRUE;

    case PW_FIELD_NUMBER:
      {
        int max = i == PW_PERSON_FIELD_CAPACITY ? PW_PERSON_CAPACITY_MAX : PW_PERSON_HOURS_MAX;
        gint64 n = 0;

        if (trimmed[0] == '\0')
          n = i == PW_PERSON_FIELD_CAPACITY ? 1 : 0;
        else if (!g_ascii_string_to_signed (trimmed, 10, 0, max, &n, NULL))
          {
            g_set_error (error, PW_PERSON_ERROR, PW_PERSON_ERROR_OUT_OF_RANGE,
                         _("“%s” is not a whole number from 0 to %d."), trimmed, max);
            return FALSE;
          }
        set_number (self, i, (int)n);
        return TRUE;
      }

    case PW_FIELD_ROLE:
      {
        g_autofree char *lower = g_ascii_strdown (trimmed, -1);

        if (lower[0] == '\0' || g_str_equal (lower, "either") || g_str_equal (lower, "both"))
          set_number (self, i, PW_ROLE_EITHER);
        else if (g_str_equal (lower, "mentor"))
          set_number (self, i, PW_ROLE_MENTOR);
        else if (g_str_equal (lower, "mentee"))
          set_number (self, i, PW_ROLE_MENTEE);
        else
          {
            g_set_error (error, PW_PERSON_ERROR, PW_PERSON_ERROR_INVALID_VALUE,
                         _("“%s” is not a role: write mentor, mentee or either."), trimmed);
            return FALSE;
          }
        return TRUE;
      }

    case PW_FIELD_CONTACT:
      {
        g_autoptr(GFlagsClass) klass = g_type_class_ref (PW_TYPE_CONTACT_FORM);
        g_auto(GStrv) parts = split_topics (trimmed);
        guint forms = 0;

        for (guint k = 0; parts[k] != NULL; k++)
          {
            g_autofree char *nick = g_strdelimit (g_ascii_strdown (parts[k], -1), " _", '-');
            GFlagsValue *fv = g_flags_get_value_by_nick (klass, nick);

            if (fv == NULL)
              {
                g_set_error (error, PW_PERSON_ERROR, PW_PERSON_ERROR_INVALID_VALUE,
                             _("“%s” is not a contact form: write in-person, video, phone "
                               "or email, separated by commas."), parts[k]);
                return FALSE;
              }
            forms |= fv->value;
          }
        set_number (self, i, (int)forms);
        return TRUE;
      }

    case PW_FIELD_TOPICS:
      {
        g_auto(GStrv) topics = split_topics (trimmed);
        set_topics (self, i, (const char * const *)topics);
        return TRUE;
      }

    default:
      g_assert_not_reached ();
    }

  return FALSE;
}

/**
 * pw_person_get_field:
 *
 * Returns: (transfer full): the field as text, in the form
 * pw_person_set_field() reads back
 */
char *
pw_person_get_field (PwPerson   *self,
                     const char *field)
{
  int i;

  g_return_val_if_fail (PW_IS_PERSON (self), NULL);

  i = pw_person_field_index (field);
  g_return_val_if_fail (i >= 0, NULL);

  switch (pw_person_fields[i].kind)
    {
    case PW_FIELD_TEXT:
    case PW_FIELD_DATE:
      return g_strdup (self->text[i]);
    case PW_FIELD_NUMBER:
      return g_strdup_printf ("%d", self->number[i]);
    case PW_FIELD_ROLE:
      {
        g_autoptr(GEnumClass) klass = g_type_class_ref (PW_TYPE_ROLE);
        return g_strdup (g_enum_get_value (klass, self->number[i])->value_nick);
      }
    case PW_FIELD_CONTACT:
      {
        g_autoptr(GFlagsClass) klass = g_type_class_ref (PW_TYPE_CONTACT_FORM);
        g_autoptr(GString) out = g_string_new (NULL);

        for (guint k = 0; k < klass->n_values; k++)
          if (self->number[i] & klass->values[k].value)
            g_string_append_printf (out, "%s%s", out->len ? ", " : "", klass->values[k].value_nick);
        return g_string_free (g_steal_pointer (&out), FALSE);
      }
    case PW_FIELD_TOPICS:
      return g_strjoinv (", ", self->topics[topic_slot (i)]);
    default:
      g_assert_not_reached ();
    }

  return NULL;
}

gboolean
pw_person_validate (PwPerson  *self,
                    GError   **error)
{
  g_autofree char *name = NULL;

  g_return_val_if_fail (PW_IS_PERSON (self), FALSE);

  name = g_strstrip (g_strdup (self->text[PW_PERSON_FIELD_NAME]));
  if (name[0] == '\0')
    {
      g_set_error_literal (error, PW_PERSON_ERROR, PW_PERSON_ERROR_NAME_REQUIRED,
                           _("name is empty: every person needs a name."));
      return FALSE;
    }

  if (!pw_person_check_email (self->text[PW_PERSON_FIELD_EMAIL], error))
    return FALSE;

  if (self->id != 0 && self->manager_id == self->id)
    {
      g_set_error (error, PW_PERSON_ERROR, PW_PERSON_ERROR_SELF_MANAGER,
                   _("%s cannot be their own manager."), self->text[PW_PERSON_FIELD_NAME]);
      return FALSE;
    }

  return TRUE;
}

/**
 * pw_person_to_json:
 *
 * Returns: (transfer full): the person as a JSON object; empty fields are
 * left out, the manager travels by email (IDs are local to a database)
 */
JsonNode *
pw_person_to_json (PwPerson *self,
                   gboolean  with_sensitive)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  g_return_val_if_fail (PW_IS_PERSON (self), NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "uuid");
  json_builder_add_string_value (builder, self->uuid);

  for (guint i = 0; i < PW_PERSON_N_FIELDS; i++)
    {
      const PwPersonFieldInfo *info = &pw_person_fields[i];
      g_autofree char *key = NULL;

      if (info->sensitive && !with_sensitive)
        continue;

      key = g_strdelimit (g_strdup (info->name), "-", '_');

      switch (info->kind)
        {
        case PW_FIELD_TEXT:
        case PW_FIELD_DATE:
          if (self->text[i][0] == '\0')
            continue;
          json_builder_set_member_name (builder, key);
          json_builder_add_string_value (builder, self->text[i]);
          break;
        case PW_FIELD_NUMBER:
          json_builder_set_member_name (builder, key);
          json_builder_add_int_value (builder, self->number[i]);
          break;
        case PW_FIELD_ROLE:
        case PW_FIELD_CONTACT:
          {
            g_autofree char *text = pw_person_get_field (self, info->name);
            json_builder_set_member_name (builder, key);
            json_builder_add_string_value (builder, text);
          }
          break;
        case PW_FIELD_TOPICS:
          {
            GStrv topics = self->topics[topic_slot (i)];

            json_builder_set_member_name (builder, key);
            json_builder_begin_array (builder);
            for (guint k = 0; topics[k] != NULL; k++)
              json_builder_add_string_value (builder, topics[k]);
            json_builder_end_array (builder);
          }
          break;
        default:
          g_assert_not_reached ();
        }
    }

  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

/**
 * pw_person_new_from_json:
 *
 * Reads what pw_person_to_json() writes. The manager is by email in
 * `manager_email`; resolving it to a directory entry is the caller's job.
 *
 * Returns: (transfer full): a new person without an ID, or %NULL
 */
PwPerson *
pw_person_new_from_json (JsonNode  *node,
                         GError   **error)
{
  g_autoptr(PwPerson) self = NULL;
  g_autoptr(GList) members = NULL;
  JsonObject *object;

  g_return_val_if_fail (node != NULL, NULL);

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error_literal (error, PW_PERSON_ERROR, PW_PERSON_ERROR_INVALID_VALUE,
                           _("person: expected a JSON object."));
      return NULL;
    }

  object = json_node_get_object (node);
  self = g_object_new (PW_TYPE_PERSON, NULL);
  members = json_object_get_members (object);

  for (const GList *l = members; l != NULL; l = l->next)
    {
      const char *key = l->data;
      JsonNode *member = json_object_get_member (object, key);
      g_autofree char *text = NULL;

      if (g_str_equal (key, "uuid"))
        {
          if (!JSON_NODE_HOLDS_VALUE (member) ||
              json_node_get_value_type (member) != G_TYPE_STRING ||
              !g_uuid_string_is_valid (json_node_get_string (member)))
            {
              g_set_error_literal (error, PW_PERSON_ERROR, PW_PERSON_ERROR_INVALID_VALUE,
                                   _("uuid: not a UUID."));
              return NULL;
            }
          pw_person_set_uuid (self, json_node_get_string (member));
          continue;
        }

      if (JSON_NODE_HOLDS_ARRAY (member))
        {
          JsonArray *array = json_node_get_array (member);
          g_autoptr(GString) joined = g_string_new (NULL);

          for (guint k = 0; k < json_array_get_length (array); k++)
            {
              const char *item = json_array_get_string_element (array, k);
              if (item == NULL)
                continue;
              /* Topics may hold commas: set them directly, not via text. */
              g_string_append_printf (joined, "%s%s", k ? "\n" : "", item);
            }
          text = g_string_free (g_steal_pointer (&joined), FALSE);
        }
      else if (JSON_NODE_HOLDS_VALUE (member) && json_node_get_value_type (member) == G_TYPE_STRING)
        text = g_strdup (json_node_get_string (member));
      else if (JSON_NODE_HOLDS_VALUE (member) && json_node_get_value_type (member) == G_TYPE_INT64)
        text = g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (member));
      else
        {
          g_set_error (error, PW_PERSON_ERROR, PW_PERSON_ERROR_INVALID_VALUE,
                       _("%s: the wrong type of value."), key);
          return NULL;
        }

      if (!pw_person_set_field (self, key, text, error))
        {
          g_prefix_error (error, "%s: ", key);
          return NULL;
        }
    }

  if (!pw_person_validate (self, error))
    return NULL;

  return g_steal_pointer (&self);
}

/* Loading from the store: a fresh object has no observers, so the fields
 * are set directly, without validation or notification (fast for 10,000). */
void
pw_person_load_text (PwPerson        *self,
                     PwPersonFieldId  field,
                     const char      *value)
{
  g_assert (field < PW_PERSON_N_FIELDS);

  g_free (self->text[field]);
  self->text[field] = g_strdup (value ? value : "");
}

void
pw_person_load_number (PwPerson        *self,
                       PwPersonFieldId  field,
                       int              value)
{
  g_assert (field < PW_PERSON_N_FIELDS);

  self->number[field] = value;
}

void
pw_person_load_topics (PwPerson        *self,
                       PwPersonFieldId  field,
                       GStrv            topics)
{
  GStrv *slot = &self->topics[topic_slot (field)];

  g_strfreev (*slot);
  *slot = topics ? topics : g_new0 (char *, 1);
}

void
pw_person_load_identity (PwPerson   *self,
                         gint64      id,
                         const char *uuid,
                         gint64      manager_id)
{
  self->id = id;
  self->manager_id = manager_id;
  g_free (self->uuid);
  self->uuid = g_strdup (uuid);
}

void
pw_person_load_done (PwPerson *self)
{
  update_search_key (self);
}
