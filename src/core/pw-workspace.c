/* pw-workspace.c — a pair's workspace as a whole; signs of dependency
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "pw-workspace"

#include <glib/gi18n.h>

#include "pw-programme.h"
#include "pw-programme-repo.h"
#include "pw-record-private.h"
#include "pw-workspace.h"
#include "pw-workspace-private.h"

G_DEFINE_QUARK (pw-workspace-error-quark, pw_workspace_error)

G_DEFINE_ENUM_TYPE (PwSide, pw_side,
                    G_DEFINE_ENUM_VALUE (PW_SIDE_MENTEE, "mentee"),
                    G_DEFINE_ENUM_VALUE (PW_SIDE_MENTOR, "mentor"),
                    G_DEFINE_ENUM_VALUE (PW_SIDE_BOTH, "both"))

const char *
pw_side_label (PwSide role)
{
  switch (role)
    {
    case PW_SIDE_MENTEE: return _("mentee");
    case PW_SIDE_MENTOR: return _("mentor");
    case PW_SIDE_BOTH:   return _("both");
    default:             g_return_val_if_reached (NULL);
    }
}

void
pw_dependency_signal_free (PwDependencySignal *signal)
{
  if (signal == NULL)
    return;

  g_free (signal->message);
  g_free (signal);
}

const char *
pw_dependency_kind_to_string (PwDependencyKind kind)
{
  switch (kind)
    {
    case PW_DEPENDENCY_NO_OWN_TOPICS:     return "no-own-topics";
    case PW_DEPENDENCY_MEETS_TOO_OFTEN:   return "meets-too-often";
    case PW_DEPENDENCY_ACTIONS_BY_MENTOR: return "actions-by-mentor";
    default:                              g_return_val_if_reached (NULL);
    }
}

static void
add_signal (GPtrArray        *signals,
            PwDependencyKind  kind,
            char             *message)
{
  PwDependencySignal *signal = g_new0 (PwDependencySignal, 1);

  signal->kind = kind;
  signal->message = message;
  g_ptr_array_add (signals, signal);
}

static gboolean
blank (const char *s)
{
  for (; s != NULL && *s != '\0'; s = g_utf8_next_char (s))
    if (!g_unichar_isspace (g_utf8_get_char (s)))
      return FALSE;
  return TRUE;
}

/**
 * pw_workspace_dependency_signals:
 *
 * Computes the signs of dependency documented in pw-workspace.h from the
 * diary and the agreement. They are prompts for a conversation, not
 * verdicts, and are worded so.
 *
 * Returns: (transfer full) (element-type PwDependencySignal): the signals
 */
GPtrArray *
pw_workspace_dependency_signals (PwStore  *store,
                                 gint64    pair_id,
                                 GError  **error)
{
  g_autoptr(GPtrArray) signals = g_ptr_array_new_with_free_func ((GDestroyNotify)pw_dependency_signal_free);
  g_autoptr(GListModel) entries = NULL;
  g_autoptr(PwAgreement) agreement = NULL;
  guint n;

  g_return_val_if_fail (PW_IS_STORE (store), NULL);

  agreement = pw_agreement_load (store, pair_id, error);
  if (agreement == NULL)
    return NULL;
  entries = pw_diary_list (store, pair_id, error);
  if (entries == NULL)
    return NULL;

  n = g_list_model_get_n_items (entries);

  /* The mentee brought no topic of their own lately. */
  if (n >= PW_DEPENDENCY_RECENT_ENTRIES)
    {
      gboolean all_mentor = TRUE;

      for (guint i = n - PW_DEPENDENCY_RECENT_ENTRIES; i < n && all_mentor; i++)
        {
          g_autoptr(PwDiaryEntry) entry = g_list_model_get_item (entries, i);
          all_mentor = pw_diary_entry_get_raised_by (entry) == PW_SIDE_MENTOR;
        }

      if (all_mentor)
        add_signal (signals, PW_DEPENDENCY_NO_OWN_TOPICS,
                    g_strdup_printf (_("The mentee has brought no topic of their own in the last %d "
                                       "diary entries: the mentor raised each one. It may help to "
                                       "ask the mentee to bring the topic next time."),
                                     PW_DEPENDENCY_RECENT_ENTRIES));
    }

  /* The pair meets far more often than agreed. */
  if (n > 0)
    {
      g_autoptr(PwDiaryEntry) last = g_list_model_get_item (entries, n - 1);
      g_autoptr(GDate) latest = pw_date_parse (pw_diary_entry_get_date (last));
      g_autoptr(GHashTable) days = g_hash_table_new (g_str_hash, g_str_equal);
      int agreed = pw_agreement_get_meetings_per_month (agreement);

      for (guint i = n; latest != NULL && i-- > 0;)
        {
          g_autoptr(PwDiaryEntry) entry = g_list_model_get_item (entries, i);
          g_autoptr(GDate) date = pw_date_parse (pw_diary_entry_get_date (entry));

          if (date == NULL || g_date_days_between (date, latest) >= PW_DEPENDENCY_WINDOW_DAYS)
            break;
          /* The list holds the entries, so their strings outlive the table. */
          g_hash_table_add (days, (gpointer)pw_diary_entry_get_date (entry));
        }

      if ((int)g_hash_table_size (days) > PW_DEPENDENCY_FREQUENCY_FACTOR * agreed)
        add_signal (signals, PW_DEPENDENCY_MEETS_TOO_OFTEN,
                    g_strdup_printf (_("The pair met on %u days in the %d days up to %s, more than "
                                       "twice the %d a month they agreed. Meeting often can help "
                                       "early on; if it goes on, talk about how the mentee can "
                                       "carry more on their own."),
                                     g_hash_table_size (days), PW_DEPENDENCY_WINDOW_DAYS,
                                     pw_diary_entry_get_date (last), agreed));
    }

  /* The mentee's actions keep being set by the mentor. */
  {
    guint seen = 0;
    gboolean all_mentor = TRUE;

    for (guint i = n; i-- > 0 && seen < PW_DEPENDENCY_RECENT_ENTRIES;)
      {
        g_autoptr(PwDiaryEntry) entry = g_list_model_get_item (entries, i);

        if (blank (pw_diary_entry_get_actions (entry)))
          continue;
        seen++;
        if (pw_diary_entry_get_actions_by (entry) != PW_SIDE_MENTOR)
          all_mentor = FALSE;
      }

    if (seen == PW_DEPENDENCY_RECENT_ENTRIES && all_mentor)
      add_signal (signals, PW_DEPENDENCY_ACTIONS_BY_MENTOR,
                  g_strdup_printf (_("The mentor set the agreed actions in each of the last %d "
                                     "diary entries that have any. Inviting the mentee to propose "
                                     "their own next steps builds independence."),
                                   PW_DEPENDENCY_RECENT_ENTRIES));
  }

  return g_steal_pointer (&signals);
}

gboolean
pw_workspace_write_json (PwStore      *store,
                         gint64        pair_id,
                         gboolean      with_diary,
                         JsonBuilder  *builder,
                         GError      **error)
{
  return pw_agreement_write_json (store, pair_id, builder, error) &&
         pw_action_plan_write_json (store, pair_id, builder, error) &&
         (!with_diary || pw_diary_write_json (store, pair_id, builder, error)) &&
         pw_worksheets_write_json (store, pair_id, builder, error) &&
         pw_closure_write_json (store, pair_id, builder, error);
}

JsonNode *
pw_workspace_to_json (PwStore   *store,
                      gint64     pair_id,
                      gboolean   with_diary,
                      GError   **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  g_return_val_if_fail (PW_IS_STORE (store), NULL);

  if (!pw_workspace_check_pair (store, pair_id, NULL, error))
    return NULL;

  json_builder_begin_object (builder);
  if (!pw_workspace_write_json (store, pair_id, with_diary, builder, error))
    return NULL;
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

gboolean
pw_workspace_read_json (PwStore      *store,
                        gint64        pair_id,
                        JsonObject   *object,
                        gboolean      with_diary,
                        const char   *where,
                        GError      **error)
{
  static const char * const known[] = {
    "agreement", "goals", "diary", "worksheets", "closure", NULL
  };
  g_autoptr(GList) members = json_object_get_members (object);
  JsonNode *node;

  for (const GList *l = members; l != NULL; l = l->next)
    if (!g_strv_contains (known, l->data))
      {
        g_set_error (error, PW_WORKSPACE_ERROR, PW_WORKSPACE_ERROR_INVALID,
                     _("%s.%s: not part of a workspace (expected agreement, goals, diary, "
                       "worksheets or closure)."), where, (const char *)l->data);
        return FALSE;
      }

  if ((node = json_object_get_member (object, "agreement")) != NULL)
    {
      g_autofree char *at = g_strdup_printf ("%s.agreement", where);
      if (!pw_agreement_read_json (store, pair_id, node, at, error))
        return FALSE;
    }

  if ((node = json_object_get_member (object, "goals")) != NULL)
    {
      g_autofree char *at = g_strdup_printf ("%s.goals", where);
      if (!pw_action_plan_read_json (store, pair_id, node, at, error))
        return FALSE;
    }

  if ((node = json_object_get_member (object, "diary")) != NULL)
    {
      g_autofree char *at = g_strdup_printf ("%s.diary", where);

      if (!with_diary)
        {
          g_set_error (error, PW_WORKSPACE_ERROR, PW_WORKSPACE_ERROR_INVALID,
                       _("%s: the bundle says it has no diaries (“includes_diaries” is false) "
                         "but holds one. Export it again, with or without diaries."), at);
          return FALSE;
        }
      if (!pw_diary_read_json (store, pair_id, node, at, error))
        return FALSE;
    }

  if ((node = json_object_get_member (object, "worksheets")) != NULL)
    {
      g_autofree char *at = g_strdup_printf ("%s.worksheets", where);
      if (!pw_worksheets_read_json (store, pair_id, node, at, error))
        return FALSE;
    }

  if ((node = json_object_get_member (object, "closure")) != NULL)
    {
      g_autofree char *at = g_strdup_printf ("%s.closure", where);
      if (!pw_closure_read_json (store, pair_id, node, at, error))
        return FALSE;
    }

  return TRUE;
}
