/* pw-workshop.c — the state of one programme's workshop, and its decisions
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The state is small and read whole, so it lives as one JSON value in the
 * database-wide `setting` table under "workshop:<programme id>" rather than
 * in tables of its own:
 *
 *   { "version": 1, "position": "scope",
 *     "elapsed": { "scope": 312, … },          seconds used per item
 *     "notes": { "scope": "…", … },
 *     "respondents": 7,
 *     "ratings": { "active-listening": [0, 1, 3, 2, 1], … } }  counts of 1–5
 */
#include "config.h"

#define G_LOG_DOMAIN "pw-workshop"

#include <string.h>

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "pw-person-repo.h"
#include "pw-programme-repo.h"
#include "pw-workshop.h"

#define STATE_VERSION 1

struct _PwWorkshop
{
  GObject       parent_instance;

  PwStore      *store;
  PwProgramme  *programme;
  char         *key;

  guint         position;
  GHashTable   *elapsed;        /* item id → gint64 *, microseconds */
  gint64        running_since;  /* caller's clock; 0 while paused */
  GHashTable   *notes;          /* item id → text */

  guint         respondents;
  guint         ratings[PW_N_COMPETENCIES][5];
};

G_DEFINE_FINAL_TYPE (PwWorkshop, pw_workshop, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_POSITION,
  PROP_RUNNING,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

G_DEFINE_QUARK (pw-workshop-error-quark, pw_workshop_error)

/* Helpers */

static const PwWorkshopItem *
current_item (PwWorkshop *self)
{
  return pw_workshop_agenda_get_item (self->position);
}

static gint64
get_elapsed (PwWorkshop *self,
             const char *id)
{
  gint64 *us = g_hash_table_lookup (self->elapsed, id);

  return us ? *us : 0;
}

static void
set_elapsed (PwWorkshop *self,
             const char *id,
             gint64      us)
{
  gint64 *value = g_new (gint64, 1);

  *value = MAX (us, 0);
  g_hash_table_replace (self->elapsed, g_strdup (id), value);
}

static JsonNode *
state_to_json (PwWorkshop *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  GHashTableIter iter;
  gpointer key, value;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, STATE_VERSION);
  json_builder_set_member_name (builder, "position");
  json_builder_add_string_value (builder, current_item (self)->id);

  json_builder_set_member_name (builder, "elapsed");
  json_builder_begin_object (builder);
  g_hash_table_iter_init (&iter, self->elapsed);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      json_builder_set_member_name (builder, key);
      json_builder_add_int_value (builder, *(gint64 *) value / G_USEC_PER_SEC);
    }
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "notes");
  json_builder_begin_object (builder);
  g_hash_table_iter_init (&iter, self->notes);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      json_builder_set_member_name (builder, key);
      json_builder_add_string_value (builder, value);
    }
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "respondents");
  json_builder_add_int_value (builder, self->respondents);
  json_builder_set_member_name (builder, "ratings");
  json_builder_begin_object (builder);
  for (guint c = 0; c < PW_N_COMPETENCIES; c++)
    {
      json_builder_set_member_name (builder, pw_competency_name (c));
      json_builder_begin_array (builder);
      for (guint r = 0; r < 5; r++)
        json_builder_add_int_value (builder, self->ratings[c][r]);
      json_builder_end_array (builder);
    }
  json_builder_end_object (builder);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

static gboolean
save (PwWorkshop  *self,
      GError     **error)
{
  g_autoptr(JsonNode) root = state_to_json (self);
  g_autofree char *text = json_to_string (root, FALSE);
  sqlite3_stmt *stmt;
  gboolean own;
  int rc;

  own = !pw_store_in_transaction (self->store);
  if (own && !pw_store_begin (self->store, error))
    return FALSE;

  stmt = pw_store_prepare (self->store,
                           "INSERT INTO setting (key, value) VALUES (?, ?) "
                           "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                           error);
  if (stmt == NULL)
    {
      if (own)
        pw_store_rollback (self->store);
      return FALSE;
    }

  sqlite3_bind_text (stmt, 1, self->key, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, text, -1, SQLITE_TRANSIENT);
  rc = pw_store_step (self->store, stmt, error);
  sqlite3_reset (stmt);
  if (rc < 0)
    {
      if (own)
        pw_store_rollback (self->store);
      return FALSE;
    }

  if (own && !pw_store_commit (self->store, error))
    return FALSE;

  return TRUE;
}

static gboolean
load_state (PwWorkshop  *self,
            GError     **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autofree char *text = NULL;
  sqlite3_stmt *stmt;
  JsonObject *object;
  JsonObject *member;
  JsonNode *root;
  int rc;

  stmt = pw_store_prepare (self->store, "SELECT value FROM setting WHERE key = ?", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, self->key, -1, SQLITE_TRANSIENT);
  rc = pw_store_step (self->store, stmt, error);
  if (rc < 0)
    return FALSE;
  if (rc == SQLITE_ROW)
    text = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);

  if (text == NULL)
    return TRUE;  /* a workshop not yet started */

  parser = json_parser_new ();
  if (!json_parser_load_from_data (parser, text, -1, NULL) ||
      (root = json_parser_get_root (parser)) == NULL ||
      !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error (error, PW_WORKSHOP_ERROR, PW_WORKSHOP_ERROR_CORRUPT,
                   _("The saved workshop of this program cannot be read (setting “%s”): "
                     "delete that setting to start the workshop afresh."),
                   self->key);
      return FALSE;
    }

  object = json_node_get_object (root);

  /* An item removed from a later agenda: start from the beginning. */
  rc = pw_workshop_agenda_find (json_object_get_string_member_with_default (object, "position", NULL));
  self->position = rc >= 0 ? (guint) rc : 0;

  if ((member = json_object_get_object_member (object, "elapsed")) != NULL)
    {
      g_autoptr(GList) names = json_object_get_members (member);

      for (GList *l = names; l != NULL; l = l->next)
        set_elapsed (self, l->data, json_object_get_int_member (member, l->data) * G_USEC_PER_SEC);
    }

  if ((member = json_object_get_object_member (object, "notes")) != NULL)
    {
      g_autoptr(GList) names = json_object_get_members (member);

      for (GList *l = names; l != NULL; l = l->next)
        {
          const char *note = json_object_get_string_member_with_default (member, l->data, NULL);

          if (note != NULL && note[0] != '\0')
            g_hash_table_replace (self->notes, g_strdup (l->data), g_strdup (note));
        }
    }

  self->respondents = (guint) MAX (0, json_object_get_int_member_with_default (object, "respondents", 0));
  if ((member = json_object_get_object_member (object, "ratings")) != NULL)
    for (guint c = 0; c < PW_N_COMPETENCIES; c++)
      {
        JsonArray *counts = json_object_get_array_member (member, pw_competency_name (c));

        for (guint r = 0; counts != NULL && r < 5 && r < json_array_get_length (counts); r++)
          self->ratings[c][r] = (guint) MAX (0, json_array_get_int_element (counts, r));
      }

  return TRUE;
}

/* Puts the stored setup back into the caller's instance after a failed
 * change, so that what shows is what is kept. */
static void
restore_programme (PwWorkshop *self)
{
  g_autoptr(PwProgramme) stored = NULL;
  const char * const *fields = pw_programme_list_fields ();

  stored = pw_programme_repo_get (self->store, pw_programme_get_id (self->programme), NULL);
  if (stored == NULL)
    return;

  for (guint i = 0; fields[i] != NULL; i++)
    {
      g_auto(GValue) value = G_VALUE_INIT;
      GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (stored), fields[i]);

      g_value_init (&value, pspec->value_type);
      g_object_get_property (G_OBJECT (stored), fields[i], &value);
      g_object_set_property (G_OBJECT (self->programme), fields[i], &value);
    }
}

/* Overrides */

static void
pw_workshop_finalize (GObject *object)
{
  PwWorkshop *self = PW_WORKSHOP (object);

  g_clear_object (&self->store);
  g_clear_object (&self->programme);
  g_clear_pointer (&self->key, g_free);
  g_clear_pointer (&self->elapsed, g_hash_table_unref);
  g_clear_pointer (&self->notes, g_hash_table_unref);

  G_OBJECT_CLASS (pw_workshop_parent_class)->finalize (object);
}

static void
pw_workshop_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  PwWorkshop *self = PW_WORKSHOP (object);

  switch (prop_id)
    {
    case PROP_POSITION:
      g_value_set_uint (value, self->position);
      break;

    case PROP_RUNNING:
      g_value_set_boolean (value, self->running_since != 0);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pw_workshop_class_init (PwWorkshopClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = pw_workshop_finalize;
  object_class->get_property = pw_workshop_get_property;

  properties [PROP_POSITION] =
    g_param_spec_uint ("position", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_RUNNING] =
    g_param_spec_boolean ("running", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pw_workshop_init (PwWorkshop *self)
{
  self->elapsed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->notes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

/* Public API */

/**
 * pw_workshop_load:
 * @programme: a stored programme; the workshop's decisions change it in place
 *
 * Returns: (transfer full): the programme's workshop, where it stopped, or
 *   a new one at the first item
 */
PwWorkshop *
pw_workshop_load (PwStore      *store,
                  PwProgramme  *programme,
                  GError      **error)
{
  g_autoptr(PwWorkshop) self = NULL;

  g_return_val_if_fail (PW_IS_STORE (store), NULL);
  g_return_val_if_fail (PW_IS_PROGRAMME (programme), NULL);
  g_return_val_if_fail (pw_programme_get_id (programme) > 0, NULL);

  self = g_object_new (PW_TYPE_WORKSHOP, NULL);
  self->store = g_object_ref (store);
  self->programme = g_object_ref (programme);
  self->key = g_strdup_printf ("workshop:%" G_GINT64_FORMAT, pw_programme_get_id (programme));

  if (!load_state (self, error))
    return NULL;

  return g_steal_pointer (&self);
}

PwStore *
pw_workshop_get_store (PwWorkshop *self)
{
  g_return_val_if_fail (PW_IS_WORKSHOP (self), NULL);

  return self->store;
}

PwProgramme *
pw_workshop_get_programme (PwWorkshop *self)
{
  g_return_val_if_fail (PW_IS_WORKSHOP (self), NULL);

  return self->programme;
}

guint
pw_workshop_get_position (PwWorkshop *self)
{
  g_return_val_if_fail (PW_IS_WORKSHOP (self), 0);

  return self->position;
}

const PwWorkshopItem *
pw_workshop_get_item (PwWorkshop *self)
{
  g_return_val_if_fail (PW_IS_WORKSHOP (self), NULL);

  return current_item (self);
}

gboolean
pw_workshop_set_position (PwWorkshop  *self,
                          guint        position,
                          GError     **error)
{
  g_return_val_if_fail (PW_IS_WORKSHOP (self), FALSE);

  if (position >= pw_workshop_agenda_get_n_items ())
    {
      g_set_error (error, PW_WORKSHOP_ERROR, PW_WORKSHOP_ERROR_INVALID,
                   _("The agenda has %u items: there is no item %u."),
                   pw_workshop_agenda_get_n_items (), position + 1);
      return FALSE;
    }

  if (position == self->position)
    return TRUE;

  /* Leaving an item stops its clock where it was; a caller with a clock
   * of its own pauses first. */
  if (self->running_since != 0)
    pw_workshop_timer_pause (self, g_get_monotonic_time ());

  self->position = position;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_POSITION]);

  return save (self, error);
}

gboolean
pw_workshop_next (PwWorkshop  *self,
                  GError     **error)
{
  g_return_val_if_fail (PW_IS_WORKSHOP (self), FALSE);

  if (self->position + 1 >= pw_workshop_agenda_get_n_items ())
    return FALSE;

  return pw_workshop_set_position (self, self->position + 1, error);
}

gboolean
pw_workshop_previous (PwWorkshop  *self,
                      GError     **error)
{
  g_return_val_if_fail (PW_IS_WORKSHOP (self), FALSE);

  if (self->position == 0)
    return FALSE;

  return pw_workshop_set_position (self, self->position - 1, error);
}

gboolean
pw_workshop_timer_is_running (PwWorkshop *self)
{
  g_return_val_if_fail (PW_IS_WORKSHOP (self), FALSE);

  return self->running_since != 0;
}

void
pw_workshop_timer_start (PwWorkshop *self,
                         gint64      now)
{
  g_return_if_fail (PW_IS_WORKSHOP (self));

  if (self->running_since != 0)
    return;

  /* 0 means paused: a clock that reads 0 starts a microsecond later. */
  self->running_since = MAX (now, 1);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_RUNNING]);
}

void
pw_workshop_timer_pause (PwWorkshop *self,
                         gint64      now)
{
  const char *id;

  g_return_if_fail (PW_IS_WORKSHOP (self));

  if (self->running_since == 0)
    return;

  id = current_item (self)->id;
  set_elapsed (self, id, get_elapsed (self, id) + MAX (0, now - self->running_since));
  self->running_since = 0;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_RUNNING]);

  /* The clock is worth keeping but not worth failing a pause over. */
  {
    g_autoptr(GError) error = NULL;

    if (!save (self, &error))
      g_warning ("Cannot save the workshop: %s", error->message);
  }
}

void
pw_workshop_timer_reset (PwWorkshop *self)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (PW_IS_WORKSHOP (self));

  g_hash_table_remove (self->elapsed, current_item (self)->id);
  if (self->running_since != 0)
    {
      self->running_since = 0;
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_RUNNING]);
    }

  if (!save (self, &error))
    g_warning ("Cannot save the workshop: %s", error->message);
}

gint64
pw_workshop_timer_remaining (PwWorkshop *self,
                             gint64      now)
{
  const PwWorkshopItem *item;
  gint64 used;
  gint64 total;

  g_return_val_if_fail (PW_IS_WORKSHOP (self), 0);

  item = current_item (self);
  used = get_elapsed (self, item->id);
  if (self->running_since != 0)
    used += MAX (0, now - self->running_since);
  total = (gint64) item->minutes * 60 * G_USEC_PER_SEC;

  /* Round towards the item's start, so a fresh timer reads its full time
   * and a running one changes on whole seconds. */
  if (total - used >= 0)
    return (total - used + G_USEC_PER_SEC - 1) / G_USEC_PER_SEC;
  return (total - used) / G_USEC_PER_SEC;
}

const char *
pw_workshop_get_note (PwWorkshop *self,
                      const char *item_id)
{
  const char *note;

  g_return_val_if_fail (PW_IS_WORKSHOP (self), NULL);
  g_return_val_if_fail (item_id != NULL, NULL);

  note = g_hash_table_lookup (self->notes, item_id);
  return note ? note : "";
}

gboolean
pw_workshop_set_note (PwWorkshop  *self,
                      const char  *item_id,
                      const char  *text,
                      GError     **error)
{
  g_return_val_if_fail (PW_IS_WORKSHOP (self), FALSE);
  g_return_val_if_fail (pw_workshop_agenda_find (item_id) >= 0, FALSE);

  if (g_strcmp0 (pw_workshop_get_note (self, item_id), text ? text : "") == 0)
    return TRUE;

  if (text == NULL || text[0] == '\0')
    g_hash_table_remove (self->notes, item_id);
  else
    g_hash_table_replace (self->notes, g_strdup (item_id), g_strdup (text));

  return save (self, error);
}

/**
 * pw_workshop_set_field:
 * @field: a setup field (see pw_programme_list_fields())
 * @value: its text form, as pw_programme_set_field_from_string() reads it
 *
 * Sets one field of the programme and stores it.
 */
gboolean
pw_workshop_set_field (PwWorkshop  *self,
                       const char  *field,
                       const char  *value,
                       GError     **error)
{
  g_return_val_if_fail (PW_IS_WORKSHOP (self), FALSE);
  g_return_val_if_fail (field != NULL && value != NULL, FALSE);

  if (!pw_programme_set_field_from_string (self->programme, field, value, error))
    return FALSE;

  if (!pw_programme_repo_update (self->store, self->programme, error))
    {
      restore_programme (self);
      return FALSE;
    }

  return TRUE;
}

/**
 * pw_workshop_add_rule:
 * @text: the rule in the CLI's compact form (see pw_rule_parse())
 */
gboolean
pw_workshop_add_rule (PwWorkshop  *self,
                      PwRuleSet    set,
                      const char  *text,
                      GError     **error)
{
  g_autoptr(PwRule) rule = NULL;

  g_return_val_if_fail (PW_IS_WORKSHOP (self), FALSE);
  g_return_val_if_fail (text != NULL, FALSE);

  rule = pw_rule_parse (set, text, error);
  if (rule == NULL)
    return FALSE;

  return pw_eligibility_add_rule_to_store (self->store, pw_programme_get_id (self->programme), rule, error);
}

gboolean
pw_workshop_apply_reverse_preset (PwWorkshop  *self,
                                  const char  *mentor_max_grade,
                                  const char  *mentee_min_grade,
                                  GError     **error)
{
  gint64 id;

  g_return_val_if_fail (PW_IS_WORKSHOP (self), FALSE);
  g_return_val_if_fail (mentor_max_grade != NULL && mentee_min_grade != NULL, FALSE);

  if (pw_grade_scale_position (self->store, mentor_max_grade) >= 0 &&
      pw_grade_scale_position (self->store, mentee_min_grade) >= 0 &&
      pw_grade_scale_position (self->store, mentor_max_grade) >= pw_grade_scale_position (self->store, mentee_min_grade))
    {
      g_set_error (error, PW_WORKSHOP_ERROR, PW_WORKSHOP_ERROR_INVALID,
                   _("In reverse mentoring the mentors are junior: choose a highest mentor grade "
                     "below the lowest mentee grade (“%s” is not below “%s”)."),
                   mentor_max_grade, mentee_min_grade);
      return FALSE;
    }

  id = pw_programme_get_id (self->programme);
  if (!pw_store_begin (self->store, error))
    return FALSE;

  if (!pw_eligibility_apply_reverse_preset (self->store, id, mentor_max_grade, mentee_min_grade, error))
    {
      pw_store_rollback (self->store);
      return FALSE;
    }

  pw_programme_set_kind (self->programme, PW_PROGRAMME_KIND_REVERSE);
  pw_programme_set_pair_seniority (self->programme, PW_PAIR_SENIORITY_JUNIOR);
  if (!pw_programme_repo_update (self->store, self->programme, error))
    {
      pw_store_rollback (self->store);
      restore_programme (self);
      return FALSE;
    }

  if (!pw_store_commit (self->store, error))
    return FALSE;

  pw_store_emit_changed (self->store, "eligibility");
  return TRUE;
}

gboolean
pw_workshop_set_weight (PwWorkshop   *self,
                        PwCriterion   criterion,
                        int           weight,
                        GError      **error)
{
  PwMatchSettings settings;
  gint64 id;

  g_return_val_if_fail (PW_IS_WORKSHOP (self), FALSE);
  g_return_val_if_fail (criterion < PW_N_CRITERIA, FALSE);

  if (weight < 0 || weight > 10)
    {
      g_set_error (error, PW_WORKSHOP_ERROR, PW_WORKSHOP_ERROR_INVALID,
                   _("The weight of “%s” must be from 0 to 10, not %d."),
                   pw_criterion_label (criterion), weight);
      return FALSE;
    }

  id = pw_programme_get_id (self->programme);
  if (!pw_match_settings_load (self->store, id, &settings, error))
    return FALSE;

  if (settings.weights[criterion] == weight)
    return TRUE;

  settings.weights[criterion] = weight;
  return pw_match_settings_save (self->store, id, &settings, error);
}

gboolean
pw_workshop_add_assessment (PwWorkshop  *self,
                            const int   *ratings,
                            GError     **error)
{
  gboolean any = FALSE;

  g_return_val_if_fail (PW_IS_WORKSHOP (self), FALSE);
  g_return_val_if_fail (ratings != NULL, FALSE);

  for (guint c = 0; c < PW_N_COMPETENCIES; c++)
    {
      if (ratings[c] < 0 || ratings[c] > 5)
        {
          g_set_error (error, PW_WORKSHOP_ERROR, PW_WORKSHOP_ERROR_INVALID,
                       _("Rate “%s” from 1 to 5, or leave it out; %d is not a rating."),
                       pw_competency_label (c), ratings[c]);
          return FALSE;
        }
      any |= ratings[c] > 0;
    }

  if (!any)
    {
      g_set_error (error, PW_WORKSHOP_ERROR, PW_WORKSHOP_ERROR_INVALID,
                   _("Rate at least one competency before adding the answers."));
      return FALSE;
    }

  for (guint c = 0; c < PW_N_COMPETENCIES; c++)
    if (ratings[c] > 0)
      self->ratings[c][ratings[c] - 1]++;
  self->respondents++;

  if (!save (self, error))
    {
      for (guint c = 0; c < PW_N_COMPETENCIES; c++)
        if (ratings[c] > 0)
          self->ratings[c][ratings[c] - 1]--;
      self->respondents--;
      return FALSE;
    }

  return TRUE;
}

guint
pw_workshop_get_respondents (PwWorkshop *self)
{
  g_return_val_if_fail (PW_IS_WORKSHOP (self), 0);

  return self->respondents;
}

void
pw_workshop_get_aggregate (PwWorkshop          *self,
                           PwCompetency         competency,
                           PwCompetencySummary *out)
{
  guint sum = 0;

  g_return_if_fail (PW_IS_WORKSHOP (self));
  g_return_if_fail (competency < PW_N_COMPETENCIES);
  g_return_if_fail (out != NULL);

  memset (out, 0, sizeof *out);
  for (guint r = 0; r < 5; r++)
    {
      out->answers += self->ratings[competency][r];
      sum += self->ratings[competency][r] * (r + 1);
    }

  out->suppressed = out->answers < PW_WORKSHOP_MIN_ANSWERS;
  if (out->suppressed)
    return;

  out->mean = (double) sum / out->answers;
  memcpy (out->counts, self->ratings[competency], sizeof out->counts);
}

gboolean
pw_workshop_clear_assessments (PwWorkshop  *self,
                               GError     **error)
{
  g_return_val_if_fail (PW_IS_WORKSHOP (self), FALSE);

  memset (self->ratings, 0, sizeof self->ratings);
  self->respondents = 0;

  return save (self, error);
}
