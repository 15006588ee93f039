/* pw-workspace-window.c — a pair's workspace in a window of its own
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The forms bind to the core's objects (their fields are properties) and
 * are written as the pair types: a change marks its object pending, and a
 * pause in typing writes every pending object at once. Worksheets keep a
 * history and save themselves (PwWorksheetEditor).
 */
#include "config.h"

#define G_LOG_DOMAIN "pw-workspace-window"

#include <glib/gi18n.h>

#include "pw-gui-utils.h"
#include "pw-match.h"
#include "pw-person-repo.h"
#include "pw-programme-repo.h"
#include "pw-schedule.h"
#include "pw-worksheet-editor.h"
#include "pw-workspace-print.h"
#include "pw-workspace-window.h"
#include "pw-workspace.h"

struct _PwWorkspaceWindow
{
  AdwWindow            parent_instance;

  PwStore             *store;
  PwPair              *pair;
  PwProgramme         *programme;
  char                *mentee_name;
  char                *mentor_name;
  char                *subtitle;      /* the programme and the pair, for printing */

  PwAgreement         *agreement;
  PwClosure           *closure;
  GHashTable          *pending;       /* GObject → itself: waiting to be written */
  guint                save_id;
  GPtrArray           *plan_groups;   /* groups of plan_page made from the goals */
  GPtrArray           *diary_rows;
  GPtrArray           *signal_rows;
  gint64               expand_entry;  /* the diary entry to open after a reload */
  GtkCheckButton      *contact_checks[4];

  /* Template widgets */
  AdwToastOverlay     *toast_overlay;
  AdwViewStack        *view_stack;
  AdwActionRow        *mentee_row;
  AdwActionRow        *mentor_row;
  AdwActionRow        *overview_agreement_row;
  AdwActionRow        *overview_plan_row;
  GtkLevelBar         *overview_plan_bar;
  AdwActionRow        *overview_diary_row;
  AdwPreferencesGroup *dependency_group;
  GtkBox              *agreement_texts;
  GtkSpinButton       *meetings_spin;
  AdwExpanderRow      *contact_row;
  AdwEntryRow         *end_date_row;
  GtkLabel            *policy_label;
  GtkSwitch           *confidentiality_switch;
  GtkRevealer         *cleared_revealer;
  AdwActionRow        *mentee_accept_row;
  AdwActionRow        *mentor_accept_row;
  GtkButton           *mentee_accept_button;
  GtkButton           *mentor_accept_button;
  AdwPreferencesPage  *plan_page;
  GtkProgressBar      *plan_progress;
  AdwPreferencesGroup *diary_group;
  GtkStack            *worksheet_stack;
  AdwPreferencesPage  *closing_page;
  GtkSwitch           *goals_reviewed_switch;
  AdwEntryRow         *covered_row;
  AdwEntryRow         *mentee_started_row;
  AdwEntryRow         *mentee_reached_row;
  AdwEntryRow         *mentor_started_row;
  AdwEntryRow         *mentor_reached_row;
  AdwActionRow        *close_row;
  GtkButton           *close_button;

  guint                withdrawing : 1;
};

G_DEFINE_FINAL_TYPE (PwWorkspaceWindow, pw_workspace_window, ADW_TYPE_WINDOW)

static const struct
{
  PwContactForm  flag;
  const char    *label;
} contact_forms[] = {
  { PW_CONTACT_IN_PERSON, N_("In person") },
  { PW_CONTACT_VIDEO, N_("Video call") },
  { PW_CONTACT_PHONE, N_("Phone") },
  { PW_CONTACT_EMAIL, N_("Email") },
};

/* The worksheets' tabs: the kind's full label is its page's heading. */
static const char * const short_labels[] = {
  [PW_WORKSHEET_GROW] = N_("GROW"),
  [PW_WORKSHEET_SWOT] = N_("SWOT"),
  [PW_WORKSHEET_SAND] = N_("SAND"),
  [PW_WORKSHEET_FORCE_FIELD] = N_("Force Field"),
};

static void reload_plan   (PwWorkspaceWindow *self);
static void reload_diary  (PwWorkspaceWindow *self);
static void update_overview (PwWorkspaceWindow *self);

/* Helpers */

static void
toast (PwWorkspaceWindow *self,
       const char        *text)
{
  adw_toast_overlay_add_toast (self->toast_overlay, pw_toast_new_plain (text));
}

static void
show_error (PwWorkspaceWindow *self,
            const GError      *error)
{
  toast (self, error->message);
}

static gboolean
is_date_or_empty (const char *text)
{
  g_autoptr(GDate) date = NULL;

  if (text == NULL || *text == '\0')
    return TRUE;

  date = pw_date_parse (text);
  return date != NULL;
}

static char *
today_iso (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}

static void
set_row_title (AdwPreferencesRow *row,
               const char        *text)
{
  /* The people's own words: never markup. */
  adw_preferences_row_set_use_markup (row, FALSE);
  adw_preferences_row_set_title (row, text);
}

/* A heading, a prompt and a text card, like the setup's long texts. */
static GtkWidget *
text_field_new (const char  *heading,
                const char  *prompt,
                GObject     *object,
                const char  *property,
                const char  *name)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *label = gtk_label_new (heading);
  GtkWidget *view = gtk_text_view_new ();

  gtk_widget_add_css_class (box, "pw-worksheet-field");
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "heading");
  gtk_box_append (GTK_BOX (box), label);

  if (prompt != NULL)
    {
      GtkWidget *hint = gtk_label_new (prompt);

      gtk_label_set_xalign (GTK_LABEL (hint), 0);
      gtk_label_set_wrap (GTK_LABEL (hint), TRUE);
      gtk_widget_add_css_class (hint, "dim-label");
      gtk_box_append (GTK_BOX (box), hint);
      gtk_accessible_update_property (GTK_ACCESSIBLE (view),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, prompt,
                                      -1);
    }

  gtk_widget_set_name (view, name);
  gtk_widget_set_size_request (view, -1, 84);
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (view), FALSE);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 10);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 10);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 12);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 12);
  gtk_widget_add_css_class (view, "card");
  gtk_widget_add_css_class (view, "pw-text-card");
  gtk_accessible_update_property (GTK_ACCESSIBLE (view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, heading,
                                  -1);
  g_object_bind_property (object, property,
                          gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), "text",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  gtk_box_append (GTK_BOX (box), view);

  return box;
}

/* Writing */

static void
flush_pending (PwWorkspaceWindow *self)
{
  g_autoptr(GList) objects = NULL;
  gboolean diary = FALSE;
  gboolean plan = FALSE;

  g_clear_handle_id (&self->save_id, g_source_remove);
  if (g_hash_table_size (self->pending) == 0)
    return;

  objects = g_hash_table_get_keys (self->pending);
  for (const GList *l = objects; l != NULL; l = l->next)
    {
      GObject *object = l->data;
      g_autoptr(GError) error = NULL;
      gboolean ok = TRUE;

      if (PW_IS_AGREEMENT (object))
        ok = pw_agreement_save (self->store, PW_AGREEMENT (object), &error);
      else if (PW_IS_CLOSURE (object))
        ok = pw_closure_save (self->store, PW_CLOSURE (object), &error);
      else if (PW_IS_GOAL (object))
        ok = plan = pw_goal_save (self->store, PW_GOAL (object), &error);
      else if (PW_IS_BENCHMARK (object))
        ok = plan = pw_benchmark_save (self->store, PW_BENCHMARK (object), &error);
      else if (PW_IS_DIARY_ENTRY (object))
        ok = diary = pw_diary_entry_save (self->store, PW_DIARY_ENTRY (object), &error);

      if (!ok)
        show_error (self, error);
    }

  g_hash_table_remove_all (self->pending);

  if (plan || diary)
    update_overview (self);
}

static gboolean
save_timeout_cb (gpointer data)
{
  PwWorkspaceWindow *self = data;

  self->save_id = 0;
  flush_pending (self);

  return G_SOURCE_REMOVE;
}

static void
save_later (PwWorkspaceWindow *self,
            GObject           *object)
{
  g_hash_table_add (self->pending, g_object_ref (object));
  g_clear_handle_id (&self->save_id, g_source_remove);
  self->save_id = g_timeout_add (PW_WORKSPACE_SAVE_DELAY_MS, save_timeout_cb, self);
}

static void
record_notify_cb (PwWorkspaceWindow *self,
                  GParamSpec        *pspec,
                  GObject           *object)
{
  /* Only what the form writes: read-only properties follow from it. */
  if (pspec->flags & G_PARAM_WRITABLE && !(pspec->flags & G_PARAM_CONSTRUCT_ONLY))
    save_later (self, object);
}

static void
watch_record (PwWorkspaceWindow *self,
              GObject           *object)
{
  g_signal_connect_object (object, "notify", G_CALLBACK (record_notify_cb), self, G_CONNECT_SWAPPED);
}

/* Date rows: written only once they hold a date (or nothing). */

static void
date_row_changed_cb (GtkEditable       *row,
                     PwWorkspaceWindow *self)
{
  GObject *object = g_object_get_data (G_OBJECT (row), "pw-object");
  const char *property = g_object_get_data (G_OBJECT (row), "pw-property");
  const char *text = gtk_editable_get_text (row);

  if (!is_date_or_empty (text))
    {
      pw_widget_show_error (GTK_WIDGET (row), _("Write the date as YYYY-MM-DD, for example 2026-09-01"));
      return;
    }

  pw_widget_show_error (GTK_WIDGET (row), NULL);
  g_object_set (object, property, text, NULL);
}

static void
bind_date (PwWorkspaceWindow *self,
           GtkWidget         *row,
           GObject           *object,
           const char        *property)
{
  g_autofree char *value = NULL;

  g_object_get (object, property, &value, NULL);
  gtk_editable_set_text (GTK_EDITABLE (row), value != NULL ? value : "");
  g_object_set_data_full (G_OBJECT (row), "pw-object", g_object_ref (object), g_object_unref);
  g_object_set_data (G_OBJECT (row), "pw-property", (gpointer) g_intern_string (property));
  g_signal_connect_object (row, "changed", G_CALLBACK (date_row_changed_cb), self, 0);
}

static GtkWidget *
entry_row_new (GObject    *object,
               const char *property,
               const char *title)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  g_object_bind_property (object, property, row, "text",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);

  return row;
}

/* Overview */

static char *
agreement_state_text (PwAgreement *agreement)
{
  switch (pw_agreement_get_state (agreement))
    {
    case PW_AGREEMENT_ACCEPTED:
      return g_strdup (_("Accepted by both"));
    case PW_AGREEMENT_ACCEPTED_BY_MENTEE:
      return g_strdup (_("Accepted by the mentee; waiting for the mentor"));
    case PW_AGREEMENT_ACCEPTED_BY_MENTOR:
      return g_strdup (_("Accepted by the mentor; waiting for the mentee"));
    case PW_AGREEMENT_DRAFT:
    default:
      return g_strdup (pw_agreement_get_saved (agreement) ? _("Draft: not accepted yet")
                                                          : _("Not written yet"));
    }
}

static void
update_signals (PwWorkspaceWindow *self)
{
  g_autoptr(GPtrArray) signals = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < self->signal_rows->len; i++)
    adw_preferences_group_remove (self->dependency_group, self->signal_rows->pdata[i]);
  g_ptr_array_set_size (self->signal_rows, 0);

  signals = pw_workspace_dependency_signals (self->store, self->pair->id, &error);
  if (signals == NULL)
    {
      show_error (self, error);
      return;
    }

  if (signals->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *icon = gtk_image_new_from_icon_name ("emblem-ok-symbolic");

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Nothing stands out"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                   _("The diary shows both of you bringing topics and setting actions."));
      gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, NULL, -1);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
      adw_preferences_group_add (self->dependency_group, row);
      g_ptr_array_add (self->signal_rows, row);
      return;
    }

  for (guint i = 0; i < signals->len; i++)
    {
      PwDependencySignal *signal = signals->pdata[i];
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-information-symbolic");

      set_row_title (ADW_PREFERENCES_ROW (row), signal->message);
      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
      gtk_widget_add_css_class (icon, "accent");
      gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, NULL, -1);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
      gtk_widget_set_name (row, pw_dependency_kind_to_string (signal->kind));
      adw_preferences_group_add (self->dependency_group, row);
      g_ptr_array_add (self->signal_rows, row);
    }
}

static void
update_progress (PwWorkspaceWindow *self)
{
  PwProgress progress = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  if (!pw_action_plan_progress (self->store, self->pair->id, &progress, &error))
    {
      show_error (self, error);
      return;
    }

  if (progress.goals == 0)
    text = g_strdup (_("No goals yet"));
  else
    /* Translators: the progress of an action plan */
    text = g_strdup_printf (_("%u of %u benchmarks done · %u of %u goals achieved"),
                            progress.benchmarks_done, progress.benchmarks,
                            progress.goals_achieved, progress.goals);

  gtk_progress_bar_set_fraction (self->plan_progress, progress.fraction);
  gtk_progress_bar_set_text (self->plan_progress, text);
  adw_action_row_set_subtitle (self->overview_plan_row, text);
  gtk_level_bar_set_value (self->overview_plan_bar, progress.fraction);
}

static void
update_overview (PwWorkspaceWindow *self)
{
  g_autoptr(GListModel) entries = pw_diary_list (self->store, self->pair->id, NULL);
  g_autofree char *agreement = agreement_state_text (self->agreement);
  g_autofree char *diary = NULL;
  guint n = entries != NULL ? g_list_model_get_n_items (entries) : 0;

  adw_action_row_set_subtitle (self->overview_agreement_row, agreement);

  if (n == 0)
    diary = g_strdup (_("No entries yet"));
  else
    diary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u entry", "%u entries", n), n);
  adw_action_row_set_subtitle (self->overview_diary_row, diary);

  update_progress (self);
  update_signals (self);
}

/* Agreement */

static void
update_acceptance (PwWorkspaceWindow *self)
{
  struct { PwSide side; AdwActionRow *row; GtkButton *button; const char *accept; const char *withdraw; } sides[] = {
    { PW_SIDE_MENTEE, self->mentee_accept_row, self->mentee_accept_button,
      N_("Mentee Accepts"), N_("Withdraw the Mentee’s Acceptance") },
    { PW_SIDE_MENTOR, self->mentor_accept_row, self->mentor_accept_button,
      N_("Mentor Accepts"), N_("Withdraw the Mentor’s Acceptance") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (sides); i++)
    {
      const char *date = pw_agreement_get_accepted (self->agreement, sides[i].side);
      gboolean accepted = date != NULL && *date != '\0';

      if (accepted)
        {
          g_autofree char *day = pw_format_date (date, FALSE);
          g_autofree char *text = g_strdup_printf (_("Accepted on %s"), day);

          adw_action_row_set_subtitle (sides[i].row, text);
          gtk_button_set_label (sides[i].button, _("Withdraw"));
          gtk_widget_set_tooltip_text (GTK_WIDGET (sides[i].button), _(sides[i].withdraw));
          gtk_widget_remove_css_class (GTK_WIDGET (sides[i].button), "suggested-action");
        }
      else
        {
          adw_action_row_set_subtitle (sides[i].row, _("Not accepted yet"));
          gtk_button_set_label (sides[i].button, _(sides[i].accept));
          gtk_widget_set_tooltip_text (GTK_WIDGET (sides[i].button), NULL);
          gtk_widget_add_css_class (GTK_WIDGET (sides[i].button), "suggested-action");
        }
    }

  {
    g_autofree char *state = agreement_state_text (self->agreement);

    adw_action_row_set_subtitle (self->overview_agreement_row, state);
  }
}

static void
agreement_state_changed_cb (PwWorkspaceWindow *self)
{
  PwAgreementState state = pw_agreement_get_state (self->agreement);

  /* An edit took the acceptances back: say so, or it looks like a loss. */
  if (state == PW_AGREEMENT_DRAFT && !self->withdrawing)
    gtk_revealer_set_reveal_child (self->cleared_revealer, TRUE);
  else if (state != PW_AGREEMENT_DRAFT)
    gtk_revealer_set_reveal_child (self->cleared_revealer, FALSE);

  update_acceptance (self);
}

static void
contact_toggled_cb (PwWorkspaceWindow *self)
{
  guint forms = 0;

  for (guint i = 0; i < G_N_ELEMENTS (contact_forms); i++)
    if (gtk_check_button_get_active (self->contact_checks[i]))
      forms |= contact_forms[i].flag;

  if (forms != pw_agreement_get_contact_forms (self->agreement))
    g_object_set (self->agreement, "contact-forms", forms, NULL);
}

static void
update_contact_subtitle (PwWorkspaceWindow *self)
{
  guint forms = pw_agreement_get_contact_forms (self->agreement);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) labels = NULL;
  g_autofree char *text = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (contact_forms); i++)
    {
      if (forms & contact_forms[i].flag)
        g_strv_builder_add (builder, _(contact_forms[i].label));
      if (gtk_check_button_get_active (self->contact_checks[i]) != !!(forms & contact_forms[i].flag))
        gtk_check_button_set_active (self->contact_checks[i], !!(forms & contact_forms[i].flag));
    }

  labels = g_strv_builder_end (builder);
  text = g_strv_length (labels) > 0 ? g_strjoinv (_(", "), labels) : g_strdup (_("None chosen"));
  adw_expander_row_set_subtitle (self->contact_row, text);
}

static void
setup_agreement (PwWorkspaceWindow *self)
{
  GObject *agreement = G_OBJECT (self->agreement);
  const char *policy = pw_agreement_get_confidentiality_policy (self->agreement);

  gtk_box_append (self->agreement_texts,
                  text_field_new (_("What the mentee wants to gain"),
                                  _("What would make this relationship worthwhile for you?"),
                                  agreement, "mentee-gains", "mentee-gains"));
  gtk_box_append (self->agreement_texts,
                  text_field_new (_("What the mentor can offer"),
                                  _("Knowledge, experience, contacts, time"),
                                  agreement, "mentor-offers", "mentor-offers"));
  gtk_box_append (self->agreement_texts,
                  text_field_new (_("Expectations that are not realistic"),
                                  _("Name them now, so neither of you is disappointed later"),
                                  agreement, "unrealistic", "unrealistic"));
  gtk_box_append (self->agreement_texts,
                  text_field_new (_("Asking for a new match without blame"),
                  _("Either of you can ask the coordinator for a new match at any time. "
                    "Nobody is blamed and the reasons stay with the coordinator. How will you raise it?"),
                                  agreement, "reassignment", "reassignment"));

  g_object_bind_property (agreement, "meetings-per-month",
                          gtk_spin_button_get_adjustment (self->meetings_spin), "value",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  g_object_bind_property (agreement, "confidentiality-agreed",
                          self->confidentiality_switch, "active",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);

  for (guint i = 0; i < G_N_ELEMENTS (contact_forms); i++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(contact_forms[i].label));
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (check),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _(contact_forms[i].label),
                                      -1);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      adw_expander_row_add_row (self->contact_row, row);
      self->contact_checks[i] = GTK_CHECK_BUTTON (check);
    }
  update_contact_subtitle (self);
  for (guint i = 0; i < G_N_ELEMENTS (contact_forms); i++)
    g_signal_connect_object (self->contact_checks[i], "toggled",
                             G_CALLBACK (contact_toggled_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (agreement, "notify::contact-forms",
                           G_CALLBACK (update_contact_subtitle), self, G_CONNECT_SWAPPED);

  bind_date (self, GTK_WIDGET (self->end_date_row), agreement, "end-date");

  gtk_label_set_text (self->policy_label,
                      policy != NULL && *policy != '\0'
                        ? policy
                        : _("The program has no confidentiality policy yet: the coordinator writes it in Setup."));

  update_acceptance (self);
  g_signal_connect_object (agreement, "notify::state", G_CALLBACK (agreement_state_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (agreement, "notify::mentee-accepted", G_CALLBACK (update_acceptance), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (agreement, "notify::mentor-accepted", G_CALLBACK (update_acceptance), self, G_CONNECT_SWAPPED);
  watch_record (self, agreement);
}

/* Action plan */

static void
benchmark_status_selected_cb (GtkDropDown *dropdown,
                              GParamSpec  *pspec,
                              PwBenchmark *benchmark)
{
  guint selected = gtk_drop_down_get_selected (dropdown);

  if (selected != GTK_INVALID_LIST_POSITION && selected != (guint) pw_benchmark_get_status (benchmark))
    pw_benchmark_set_status (benchmark, (PwBenchmarkStatus) selected);
}

static void
benchmark_saved_cb (PwWorkspaceWindow *self)
{
  /* Progress counts what is stored: write first, then count. */
  flush_pending (self);
  update_progress (self);
}

static GtkWidget *
benchmark_row_new (PwWorkspaceWindow *self,
                   PwBenchmark       *benchmark)
{
  GtkWidget *row = entry_row_new (G_OBJECT (benchmark), "description", _("Benchmark"));
  GtkWidget *due = gtk_entry_new ();
  GtkWidget *status = gtk_drop_down_new_from_strings ((const char *[]) { _("Open"), _("Done"), _("Dropped"), NULL });
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");

  gtk_entry_set_placeholder_text (GTK_ENTRY (due), _("Due YYYY-MM-DD"));
  gtk_editable_set_width_chars (GTK_EDITABLE (due), 11);
  gtk_widget_set_valign (due, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (due, _("Due date"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (due), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Due date"), -1);
  bind_date (self, due, G_OBJECT (benchmark), "due-date");
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), due);

  gtk_drop_down_set_selected (GTK_DROP_DOWN (status), pw_benchmark_get_status (benchmark));
  gtk_widget_set_valign (status, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (status, _("Status"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (status), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Status"), -1);
  g_signal_connect_object (status, "notify::selected", G_CALLBACK (benchmark_status_selected_cb), benchmark, 0);
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), status);

  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (remove, _("Remove Benchmark"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (remove), "workspace.remove-benchmark");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (remove), "x", pw_benchmark_get_id (benchmark));
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), remove);

  watch_record (self, G_OBJECT (benchmark));
  g_signal_connect_object (benchmark, "notify::status", G_CALLBACK (benchmark_saved_cb), self, G_CONNECT_SWAPPED);

  return row;
}

static GtkWidget *
goal_group_new (PwWorkspaceWindow *self,
                PwGoal            *goal,
                guint              number)
{
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
  GtkWidget *achieved_row = adw_action_row_new ();
  GtkWidget *achieved = gtk_switch_new ();
  GtkWidget *time_bound = adw_entry_row_new ();
  GtkWidget *add_row = adw_action_row_new ();
  GtkWidget *add_icon = gtk_image_new_from_icon_name ("list-add-symbolic");
  g_autofree char *title = g_strdup_printf (_("Goal %u"), number);
  g_autoptr(GListModel) benchmarks = NULL;
  g_autoptr(GError) error = NULL;
  static const char * const smart[] = { "specific", "measurable", "achievable", "relevant" };

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (remove, _("Remove Goal"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (remove), "workspace.remove-goal");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (remove), "x", pw_goal_get_id (goal));
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (group), remove);

  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                             entry_row_new (G_OBJECT (goal), "title", _("Goal")));
  for (guint i = 0; i < G_N_ELEMENTS (smart); i++)
    {
      GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (goal), smart[i]);

      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                                 entry_row_new (G_OBJECT (goal), smart[i], _(g_param_spec_get_nick (pspec))));
    }

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (time_bound), _("Time-bound: done by (YYYY-MM-DD)"));
  bind_date (self, time_bound, G_OBJECT (goal), "time-bound");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), time_bound);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (achieved_row), _("Achieved"));
  gtk_widget_set_valign (achieved, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (achieved), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Achieved"), -1);
  g_object_bind_property (goal, "achieved", achieved, "active", G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  adw_action_row_add_suffix (ADW_ACTION_ROW (achieved_row), achieved);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (achieved_row), achieved);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), achieved_row);

  benchmarks = pw_action_plan_list_benchmarks (self->store, pw_goal_get_id (goal), &error);
  if (benchmarks == NULL)
    show_error (self, error);
  for (guint i = 0; benchmarks != NULL && i < g_list_model_get_n_items (benchmarks); i++)
    {
      g_autoptr(PwBenchmark) benchmark = g_list_model_get_item (benchmarks, i);

      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), benchmark_row_new (self, benchmark));
    }

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (add_row), _("Add Benchmark"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (add_icon), GTK_ACCESSIBLE_PROPERTY_LABEL, NULL, -1);
  adw_action_row_add_prefix (ADW_ACTION_ROW (add_row), add_icon);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (add_row), TRUE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (add_row), "workspace.add-benchmark");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (add_row), "x", pw_goal_get_id (goal));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), add_row);

  watch_record (self, G_OBJECT (goal));
  g_signal_connect_object (goal, "notify::achieved", G_CALLBACK (benchmark_saved_cb), self, G_CONNECT_SWAPPED);

  return group;
}

static void
reload_plan (PwWorkspaceWindow *self)
{
  g_autoptr(GListModel) goals = NULL;
  g_autoptr(GError) error = NULL;
  guint n;

  flush_pending (self);

  for (guint i = 0; i < self->plan_groups->len; i++)
    adw_preferences_page_remove (self->plan_page, self->plan_groups->pdata[i]);
  g_ptr_array_set_size (self->plan_groups, 0);

  goals = pw_action_plan_list_goals (self->store, self->pair->id, &error);
  if (goals == NULL)
    {
      show_error (self, error);
      return;
    }

  n = g_list_model_get_n_items (goals);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PwGoal) goal = g_list_model_get_item (goals, i);
      GtkWidget *group = goal_group_new (self, goal, i + 1);

      /* The group keeps its goal: the rows bind to it. */
      g_object_set_data_full (G_OBJECT (group), "pw-goal", g_object_ref (goal), g_object_unref);
      adw_preferences_page_add (self->plan_page, ADW_PREFERENCES_GROUP (group));
      g_ptr_array_add (self->plan_groups, group);
    }

  if (n == 0)
    {
      GtkWidget *group = adw_preferences_group_new ();
      GtkWidget *label = gtk_label_new (_("No goals yet. A few SMART goals, each with benchmarks along the way, "
                                          "give the meetings a purpose: add the first one together."));

      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_widget_add_css_class (label, "dim-label");
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), label);
      adw_preferences_page_add (self->plan_page, ADW_PREFERENCES_GROUP (group));
      g_ptr_array_add (self->plan_groups, group);
    }

  update_progress (self);
}

/* Diary */

/* The kind of a meeting in the diary row's "Meeting" list, or NULL. */
static const char *
meeting_label (AdwExpanderRow *row,
               gint64          meeting_id)
{
  GArray *ids = g_object_get_data (G_OBJECT (row), "pw-meeting-ids");
  GListModel *labels = g_object_get_data (G_OBJECT (row), "pw-meeting-kinds");

  for (guint i = 0; meeting_id != 0 && ids != NULL && i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == meeting_id)
      return gtk_string_list_get_string (GTK_STRING_LIST (labels), i);

  return NULL;
}

static void
update_entry_row (AdwExpanderRow *row,
                  PwDiaryEntry   *entry)
{
  g_autofree char *date = pw_format_date (pw_diary_entry_get_date (entry), FALSE);
  const char *topics = pw_diary_entry_get_topics (entry);
  const char *meeting = meeting_label (row, pw_diary_entry_get_meeting_id (entry));
  g_autofree char *first = NULL;
  g_autofree char *title = NULL;

  if (meeting != NULL)
    /* Translators: a diary entry's title: its date and the kind of meeting
     * it belongs to, "September 14, 2026 — First meeting" */
    title = g_strdup_printf (_("%s — %s"), date, meeting);
  else
    title = g_strdup (date);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  /* The subtitle shows the topics' first line, as typed: never markup. */
  first = g_strdup (topics != NULL && *topics ? topics : _("No topics written yet"));
  g_strdelimit (first, "\n", ' ');
  g_object_set_data_full (G_OBJECT (row), "pw-topics", g_markup_escape_text (first, -1), g_free);
  adw_expander_row_set_subtitle (row, g_object_get_data (G_OBJECT (row), "pw-topics"));
}

static void
side_selected_cb (GtkDropDown *dropdown,
                  GParamSpec  *pspec,
                  GObject     *entry)
{
  const char *property = g_object_get_data (G_OBJECT (dropdown), "pw-property");
  guint selected = adw_combo_row_get_selected (ADW_COMBO_ROW (dropdown));

  if (selected != GTK_INVALID_LIST_POSITION)
    g_object_set (entry, property, (PwSide) selected, NULL);
}

static GtkWidget *
side_row_new (PwDiaryEntry *entry,
              const char   *property,
              const char   *title)
{
  GtkWidget *row = adw_combo_row_new ();
  g_autoptr(GtkStringList) model = gtk_string_list_new ((const char *[]) {
    pw_side_label (PW_SIDE_MENTEE), pw_side_label (PW_SIDE_MENTOR), pw_side_label (PW_SIDE_BOTH), NULL });
  PwSide side;

  g_object_get (entry, property, &side, NULL);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (model));
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), side);
  g_object_set_data (G_OBJECT (row), "pw-property", (gpointer) property);
  g_signal_connect_object (row, "notify::selected", G_CALLBACK (side_selected_cb), entry, 0);

  return row;
}

static void
entry_notify_cb (AdwExpanderRow *row,
                 GParamSpec     *pspec,
                 PwDiaryEntry   *entry)
{
  update_entry_row (row, entry);
}

static void
meeting_selected_cb (AdwComboRow  *combo,
                     GParamSpec   *pspec,
                     PwDiaryEntry *entry)
{
  GArray *ids = g_object_get_data (G_OBJECT (combo), "pw-meeting-ids");
  GArray *dates = g_object_get_data (G_OBJECT (combo), "pw-meeting-dates");
  GtkEditable *date_row = g_object_get_data (G_OBJECT (combo), "pw-date-row");
  guint selected = adw_combo_row_get_selected (combo);
  gint64 meeting_id;

  if (selected == GTK_INVALID_LIST_POSITION || selected >= ids->len)
    return;

  meeting_id = g_array_index (ids, gint64, selected);
  if (meeting_id == pw_diary_entry_get_meeting_id (entry))
    return;

  g_object_set (entry, "meeting-id", meeting_id, NULL);
  /* An entry without a date takes the meeting's: through its row, which
   * writes it. */
  if (meeting_id != 0 && *gtk_editable_get_text (date_row) == '\0')
    gtk_editable_set_text (date_row, g_array_index (dates, char *, selected));
}

static void
clear_string (gpointer data)
{
  g_free (*(char **) data);
}

/* "Not tied to a meeting", then the pair's planned and held meetings. */
static GtkWidget *
meeting_row_new (PwWorkspaceWindow *self,
                 AdwExpanderRow    *entry_row,
                 PwDiaryEntry      *entry,
                 GtkWidget         *date_row)
{
  GtkWidget *row = adw_combo_row_new ();
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);
  g_autoptr(GListModel) meetings = NULL;
  g_autoptr(GError) error = NULL;
  GArray *ids = g_array_new (FALSE, TRUE, sizeof (gint64));
  GArray *dates = g_array_new (FALSE, TRUE, sizeof (char *));
  gint64 none = 0;
  char *no_date = g_strdup ("");
  guint selected = 0;

  g_array_set_clear_func (dates, clear_string);
  gtk_string_list_append (labels, _("Not tied to a meeting"));
  gtk_string_list_append (kinds, "");
  g_array_append_val (ids, none);
  g_array_append_val (dates, no_date);

  meetings = pw_schedule_list (self->store, self->pair->programme_id, self->pair->id, &error);
  if (meetings == NULL)
    g_warning ("Cannot list the meetings of pair %" G_GINT64_FORMAT ": %s", self->pair->id, error->message);

  for (guint i = 0; meetings != NULL && i < g_list_model_get_n_items (meetings); i++)
    {
      g_autoptr(PwMeeting) m = g_list_model_get_item (meetings, i);
      gint64 id = pw_meeting_get_id (m);
      PwMeetingStatus status = pw_meeting_get_status (m);
      g_autofree char *label = NULL;
      g_autofree char *day_label = NULL;
      char *day;

      if (pw_meeting_get_pair_id (m) != self->pair->id ||
          (status != PW_MEETING_HELD && status != PW_MEETING_PLANNED &&
           id != pw_diary_entry_get_meeting_id (entry)))
        continue;

      day = g_date_time_format (pw_meeting_get_start (m), "%Y-%m-%d");
      day_label = pw_format_date (day, FALSE);
      /* Translators: a meeting in a diary entry's list: its date and kind,
       * "September 14, 2026 — First meeting" */
      label = g_strdup_printf (_("%s — %s"), day_label, pw_meeting_kind_label (pw_meeting_get_kind (m)));
      if (id == pw_diary_entry_get_meeting_id (entry))
        selected = ids->len;
      gtk_string_list_append (labels, label);
      gtk_string_list_append (kinds, pw_meeting_kind_label (pw_meeting_get_kind (m)));
      g_array_append_val (ids, id);
      g_array_append_val (dates, day);
    }

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Meeting"));
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (labels));
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), selected);
  g_object_set_data_full (G_OBJECT (row), "pw-meeting-ids", g_array_ref (ids), (GDestroyNotify) g_array_unref);
  g_object_set_data_full (G_OBJECT (row), "pw-meeting-dates", dates, (GDestroyNotify) g_array_unref);
  g_object_set_data (G_OBJECT (row), "pw-date-row", date_row);
  g_object_set_data_full (G_OBJECT (entry_row), "pw-meeting-ids", ids, (GDestroyNotify) g_array_unref);
  g_object_set_data_full (G_OBJECT (entry_row), "pw-meeting-kinds", g_object_ref (kinds), g_object_unref);
  g_signal_connect_object (row, "notify::selected", G_CALLBACK (meeting_selected_cb), entry, 0);

  return row;
}

static GtkWidget *
diary_row_new (PwWorkspaceWindow *self,
               PwDiaryEntry      *entry)
{
  GtkWidget *row = adw_expander_row_new ();
  GtkWidget *date = adw_entry_row_new ();
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");

  g_object_set_data_full (G_OBJECT (row), "pw-entry", g_object_ref (entry), g_object_unref);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (date), _("Date (YYYY-MM-DD)"));
  bind_date (self, date, G_OBJECT (entry), "date");
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), meeting_row_new (self, ADW_EXPANDER_ROW (row), entry, date));
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), date);
  update_entry_row (ADW_EXPANDER_ROW (row), entry);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), entry_row_new (G_OBJECT (entry), "topics", _("Topics discussed")));
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), side_row_new (entry, "raised-by", _("Topics raised by")));
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), entry_row_new (G_OBJECT (entry), "reflections", _("Reflections")));
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), entry_row_new (G_OBJECT (entry), "actions", _("Actions agreed")));
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), side_row_new (entry, "actions-by", _("Actions set by")));

  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (remove, _("Delete Entry"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (remove), "workspace.remove-entry");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (remove), "x", pw_diary_entry_get_id (entry));
  adw_expander_row_add_action (ADW_EXPANDER_ROW (row), remove);

  watch_record (self, G_OBJECT (entry));
  g_signal_connect_object (entry, "notify::topics", G_CALLBACK (entry_notify_cb), row, G_CONNECT_SWAPPED);
  g_signal_connect_object (entry, "notify::date", G_CALLBACK (entry_notify_cb), row, G_CONNECT_SWAPPED);
  g_signal_connect_object (entry, "notify::meeting-id", G_CALLBACK (entry_notify_cb), row, G_CONNECT_SWAPPED);

  return row;
}

static void
reload_diary (PwWorkspaceWindow *self)
{
  g_autoptr(GListModel) entries = NULL;
  g_autoptr(GError) error = NULL;
  guint n;

  flush_pending (self);

  for (guint i = 0; i < self->diary_rows->len; i++)
    adw_preferences_group_remove (self->diary_group, self->diary_rows->pdata[i]);
  g_ptr_array_set_size (self->diary_rows, 0);

  entries = pw_diary_list (self->store, self->pair->id, &error);
  if (entries == NULL)
    {
      show_error (self, error);
      return;
    }

  /* Newest first: the last meeting is the one to write up. */
  n = g_list_model_get_n_items (entries);
  for (guint i = n; i > 0; i--)
    {
      g_autoptr(PwDiaryEntry) entry = g_list_model_get_item (entries, i - 1);
      GtkWidget *row = diary_row_new (self, entry);

      if (pw_diary_entry_get_id (entry) == self->expand_entry)
        adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
      adw_preferences_group_add (self->diary_group, row);
      g_ptr_array_add (self->diary_rows, row);
    }

  if (n == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No entries yet"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                   _("After each meeting, note the topics, what you each reflected on and the actions you agreed."));
      adw_preferences_group_add (self->diary_group, row);
      g_ptr_array_add (self->diary_rows, row);
    }

  self->expand_entry = 0;
}

/* Closing */

static void
update_close_row (PwWorkspaceWindow *self)
{
  const char *closed = pw_closure_get_closed (self->closure);

  if (closed != NULL && *closed != '\0')
    {
      g_autofree char *date = pw_format_date (closed, FALSE);
      g_autofree char *text = g_strdup_printf (_("Closed on %s"), date);

      adw_action_row_set_subtitle (self->close_row, text);
      gtk_widget_set_sensitive (GTK_WIDGET (self->close_button), FALSE);
    }
  else if (pw_closure_get_complete (self->closure))
    {
      adw_action_row_set_subtitle (self->close_row, _("The checklist is complete"));
      gtk_widget_set_sensitive (GTK_WIDGET (self->close_button), TRUE);
    }
  else
    {
      g_auto(GStrv) missing = pw_closure_list_missing (self->closure);
      g_autofree char *list = g_strjoinv (_(", "), missing);
      g_autofree char *text = g_strdup_printf (_("Still to do: %s"), list);
      g_autofree char *escaped = g_markup_escape_text (text, -1);

      adw_action_row_set_subtitle (self->close_row, escaped);
      gtk_widget_set_sensitive (GTK_WIDGET (self->close_button), FALSE);
    }
}

static void
setup_closing (PwWorkspaceWindow *self)
{
  GObject *closure = G_OBJECT (self->closure);
  struct { AdwEntryRow *row; const char *property; } rows[] = {
    { self->covered_row, "covered" },
    { self->mentee_started_row, "mentee-started" },
    { self->mentee_reached_row, "mentee-reached" },
    { self->mentor_started_row, "mentor-started" },
    { self->mentor_reached_row, "mentor-reached" },
  };

  g_object_bind_property (closure, "goals-reviewed", self->goals_reviewed_switch, "active",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    g_object_bind_property (closure, rows[i].property, rows[i].row, "text",
                            G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);

  for (PwSide side = PW_SIDE_MENTEE; side <= PW_SIDE_MENTOR; side++)
    {
      GtkWidget *group = adw_preferences_group_new ();
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);

      adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group),
                                       side == PW_SIDE_MENTEE ? _("The Mentee’s Reflections")
                                                              : _("The Mentor’s Reflections"));
      adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                             side == PW_SIDE_MENTEE ? _("Answered by the mentee at the end")
                                                                    : _("Answered by the mentor at the end"));
      for (PwClosingQuestion q = 0; q < PW_N_CLOSING_QUESTIONS; q++)
        gtk_box_append (GTK_BOX (box),
                        text_field_new (pw_closing_question_text (q, side), NULL, closure,
                                        pw_closing_question_field (q, side),
                                        pw_closing_question_field (q, side)));
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), box);
      adw_preferences_page_add (self->closing_page, ADW_PREFERENCES_GROUP (group));
    }

  update_close_row (self);
  g_signal_connect_object (closure, "notify::complete", G_CALLBACK (update_close_row), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (closure, "notify::closed", G_CALLBACK (update_close_row), self, G_CONNECT_SWAPPED);
  watch_record (self, closure);
}

/* Actions */

static void
show_page_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  pw_workspace_window_show_page (PW_WORKSPACE_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

static void
print_agreement_activated (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  g_autoptr(GError) error = NULL;

  if (!pw_workspace_window_print_agreement (PW_WORKSPACE_WINDOW (widget), NULL, &error))
    show_error (PW_WORKSPACE_WINDOW (widget), error);
}

static void
accept_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  PwWorkspaceWindow *self = PW_WORKSPACE_WINDOW (widget);
  PwSide side = g_str_equal (g_variant_get_string (parameter, NULL), "mentor") ? PW_SIDE_MENTOR : PW_SIDE_MENTEE;
  const char *accepted = pw_agreement_get_accepted (self->agreement, side);
  g_autoptr(GError) error = NULL;

  /* The terms as they stand first, then the acceptance of them. */
  flush_pending (self);

  if (accepted != NULL && *accepted != '\0')
    {
      self->withdrawing = TRUE;
      pw_agreement_withdraw (self->agreement, side);
      self->withdrawing = FALSE;
    }
  else if (!pw_agreement_accept (self->agreement, side, NULL, &error))
    {
      show_error (self, error);
      return;
    }

  save_later (self, G_OBJECT (self->agreement));
  flush_pending (self);
  update_acceptance (self);
}

static void
add_goal_activated (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  PwWorkspaceWindow *self = PW_WORKSPACE_WINDOW (widget);
  g_autoptr(PwGoal) goal = pw_goal_new (self->pair->id, _("New goal"));
  g_autoptr(GError) error = NULL;

  flush_pending (self);
  if (!pw_goal_save (self->store, goal, &error))
    {
      show_error (self, error);
      return;
    }

  reload_plan (self);
}

static void
remove_goal_response_cb (AdwMessageDialog  *dialog,
                         const char        *response,
                         PwWorkspaceWindow *self)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (dialog), "pw-goal"));
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "remove"))
    return;

  flush_pending (self);
  if (!pw_goal_delete (self->store, id, &error))
    show_error (self, error);
  reload_plan (self);
}

static void
remove_goal_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_WINDOW (widget), _("Remove This Goal?"),
                                   _("The goal and its benchmarks are removed from the action plan."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "remove", _("_Remove"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "remove", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data (G_OBJECT (dialog), "pw-goal", GSIZE_TO_POINTER ((gsize) g_variant_get_int64 (parameter)));
  g_signal_connect_object (dialog, "response", G_CALLBACK (remove_goal_response_cb), widget, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
add_benchmark_activated (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  PwWorkspaceWindow *self = PW_WORKSPACE_WINDOW (widget);
  g_autoptr(PwBenchmark) benchmark = pw_benchmark_new (g_variant_get_int64 (parameter), _("New benchmark"), "");
  g_autoptr(GError) error = NULL;

  flush_pending (self);
  if (!pw_benchmark_save (self->store, benchmark, &error))
    {
      show_error (self, error);
      return;
    }

  reload_plan (self);
}

static void
remove_benchmark_activated (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  PwWorkspaceWindow *self = PW_WORKSPACE_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  flush_pending (self);
  if (!pw_benchmark_delete (self->store, g_variant_get_int64 (parameter), &error))
    show_error (self, error);
  reload_plan (self);
}

static void
add_entry_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  PwWorkspaceWindow *self = PW_WORKSPACE_WINDOW (widget);
  g_autofree char *today = today_iso ();
  g_autoptr(PwDiaryEntry) entry = pw_diary_entry_new (self->pair->id, today);
  g_autoptr(GError) error = NULL;

  flush_pending (self);
  if (!pw_diary_entry_save (self->store, entry, &error))
    {
      show_error (self, error);
      return;
    }

  self->expand_entry = pw_diary_entry_get_id (entry);
  reload_diary (self);
  update_overview (self);
}

static void
remove_entry_response_cb (AdwMessageDialog  *dialog,
                          const char        *response,
                          PwWorkspaceWindow *self)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (dialog), "pw-entry"));
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "delete"))
    return;

  flush_pending (self);
  if (!pw_diary_entry_delete (self->store, id, &error))
    show_error (self, error);
  reload_diary (self);
  update_overview (self);
}

static void
remove_entry_activated (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_WINDOW (widget), _("Delete This Entry?"),
                                   _("The diary entry is deleted for good."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "delete", _("_Delete"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data (G_OBJECT (dialog), "pw-entry", GSIZE_TO_POINTER ((gsize) g_variant_get_int64 (parameter)));
  g_signal_connect_object (dialog, "response", G_CALLBACK (remove_entry_response_cb), widget, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
close_relationship_activated (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *parameter)
{
  PwWorkspaceWindow *self = PW_WORKSPACE_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  flush_pending (self);
  if (!pw_closure_close (self->store, self->closure, NULL, &error))
    {
      show_error (self, error);
      return;
    }

  toast (self, _("Relationship closed. Ending the pair itself is the coordinator’s step, in Matching."));
  update_close_row (self);
}

/* Overrides */

static void
pw_workspace_window_dispose (GObject *object)
{
  PwWorkspaceWindow *self = PW_WORKSPACE_WINDOW (object);

  /* Closing the window keeps what was typed. */
  if (self->store != NULL)
    flush_pending (self);

  gtk_widget_dispose_template (GTK_WIDGET (self), PW_TYPE_WORKSPACE_WINDOW);

  g_clear_pointer (&self->pending, g_hash_table_unref);
  g_clear_pointer (&self->plan_groups, g_ptr_array_unref);
  g_clear_pointer (&self->diary_rows, g_ptr_array_unref);
  g_clear_pointer (&self->signal_rows, g_ptr_array_unref);
  g_clear_object (&self->agreement);
  g_clear_object (&self->closure);
  g_clear_object (&self->programme);
  g_clear_pointer (&self->pair, pw_pair_free);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (pw_workspace_window_parent_class)->dispose (object);
}

static void
pw_workspace_window_finalize (GObject *object)
{
  PwWorkspaceWindow *self = PW_WORKSPACE_WINDOW (object);

  g_free (self->mentee_name);
  g_free (self->mentor_name);
  g_free (self->subtitle);

  G_OBJECT_CLASS (pw_workspace_window_parent_class)->finalize (object);
}

static void
pw_workspace_window_class_init (PwWorkspaceWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pw_workspace_window_dispose;
  object_class->finalize = pw_workspace_window_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/pw-workspace-window.ui");
  gtk_widget_class_bind_template_child (widget_class, PwWorkspaceWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, PwWorkspaceWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, PwWorkspaceWindow, mentee_row);
  gtk_widget_class_bind_template_child (widget_class, PwWorkspaceWindow, mentor_row);
  gtk_widget_class_bind_template_child (widget_class, PwWorkspaceWindow, overview_agreement_row);
  gtk_widget_class_bind_template_child (widget_class, PwWorkspaceWindow, overview_plan_row);
  gtk_widget_class_bind_template_child (widget_class, PwWorkspaceWindow, overview_plan_bar);
  gtk_widget_class_bind_template_child (widget_class, PwWorkspaceWindow, overview_diary_row);
  gtk_widget_class_bind_template_child (widget_class, PwWorkspaceWindow, dependency_group);
  gtk_widget_class_bind_template_child (widget_class, PwWorkspaceWindow, agreement_texts);
  gtk_widget_class_bind_template_child (widget_class, PwWorkspaceWindow, meetings_spin);
  gtk_widget_class_bind_template_child (widget_class, PwWorkspaceWindow, contact_row);
  gtk_widget_class_bind_template_child (widget_class, PwWorkspaceWindow, end_date_row);
  gtk_widget_class_bind_template_child (widget_class, PwWorkspaceWindow, policy_label);
  gtk_widget_class_bind_template_child (widget_class, PwWorkspaceWindow, confidentiality_switch);
  gtk_widget_class_bind_template_child (widget_class, PwWorkspaceWindow, cleared_revealer);
  gtk_widget_class_bind_template_child (widget_class, PwWorkspaceWindow, mentee_accept_row);
  gtk_widget_class_bind_template_child (widget_class, PwWorkspaceWindow, mentor_accept_row);
  gtk_widget_class_bind_template_child (widget_class, PwWorkspaceWindow, mentee_accept_button);
  gtk_widget_class_bind_template_child (widget_class, PwWorkspaceWindow, mentor_accept_button);
  gtk_widget_class_bind_template_child (widget_class, PwWorkspaceWindow, plan_page);
  gtk_widget_class_bind_template_child (widget_class, PwWorkspaceWindow, plan_progress);
  gtk_widget_class_bind_template_child (widget_class, PwWorkspaceWindow, diary_group);
  gtk_widget_class_bind_template_child (widget_class, PwWorkspaceWindow, worksheet_stack);
  gtk_widget_class_bind_template_child (widget_class, PwWorkspaceWindow, closing_page);
  gtk_widget_class_bind_template_child (widget_class, PwWorkspaceWindow, goals_reviewed_switch);
  gtk_widget_class_bind_template_child (widget_class, PwWorkspaceWindow, covered_row);
  gtk_widget_class_bind_template_child (widget_class, PwWorkspaceWindow, mentee_started_row);
  gtk_widget_class_bind_template_child (widget_class, PwWorkspaceWindow, mentee_reached_row);
  gtk_widget_class_bind_template_child (widget_class, PwWorkspaceWindow, mentor_started_row);
  gtk_widget_class_bind_template_child (widget_class, PwWorkspaceWindow, mentor_reached_row);
  gtk_widget_class_bind_template_child (widget_class, PwWorkspaceWindow, close_row);
  gtk_widget_class_bind_template_child (widget_class, PwWorkspaceWindow, close_button);

  gtk_widget_class_install_action (widget_class, "workspace.show-page", "s", show_page_activated);
  gtk_widget_class_install_action (widget_class, "workspace.print-agreement", NULL, print_agreement_activated);
  gtk_widget_class_install_action (widget_class, "workspace.accept", "s", accept_activated);
  gtk_widget_class_install_action (widget_class, "workspace.add-goal", NULL, add_goal_activated);
  gtk_widget_class_install_action (widget_class, "workspace.remove-goal", "x", remove_goal_activated);
  gtk_widget_class_install_action (widget_class, "workspace.add-benchmark", "x", add_benchmark_activated);
  gtk_widget_class_install_action (widget_class, "workspace.remove-benchmark", "x", remove_benchmark_activated);
  gtk_widget_class_install_action (widget_class, "workspace.add-entry", NULL, add_entry_activated);
  gtk_widget_class_install_action (widget_class, "workspace.remove-entry", "x", remove_entry_activated);
  gtk_widget_class_install_action (widget_class, "workspace.close-relationship", NULL, close_relationship_activated);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);
}

static void
pw_workspace_window_init (PwWorkspaceWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->pending = g_hash_table_new_full (NULL, NULL, g_object_unref, NULL);
  self->plan_groups = g_ptr_array_new ();
  self->diary_rows = g_ptr_array_new ();
  self->signal_rows = g_ptr_array_new ();
}

/* Public API */

static PwPair *
find_pair (PwStore      *store,
           gint64        pair_id,
           GError      **error)
{
  g_autoptr(GListModel) programmes = pw_programme_repo_list (store, error);
  guint n;

  if (programmes == NULL)
    return NULL;

  n = g_list_model_get_n_items (programmes);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PwProgramme) programme = g_list_model_get_item (programmes, i);
      g_autoptr(GPtrArray) pairs = pw_pairs_list (store, pw_programme_get_id (programme), TRUE, error);

      if (pairs == NULL)
        return NULL;

      for (guint k = 0; k < pairs->len; k++)
        {
          PwPair *pair = pairs->pdata[k];

          if (pair->id == pair_id)
            return g_ptr_array_steal_index (pairs, k);
        }
    }

  g_set_error (error, PW_WORKSPACE_ERROR, PW_WORKSPACE_ERROR_NO_PAIR,
               _("Pair %lld is not in any program."), (long long)pair_id);
  return NULL;
}

static char *
person_name (PwStore *store,
             gint64   id)
{
  g_autoptr(PwPerson) person = pw_person_repo_get (store, id, NULL);

  return g_strdup (person != NULL ? pw_person_get_name (person) : _("Someone removed"));
}

PwWorkspaceWindow *
pw_workspace_window_new (PwStore  *store,
                         gint64    pair_id,
                         GError  **error)
{
  g_autoptr(PwPair) pair = NULL;
  g_autoptr(PwProgramme) programme = NULL;
  g_autoptr(PwAgreement) agreement = NULL;
  g_autoptr(PwClosure) closure = NULL;
  g_autofree char *title = NULL;
  PwWorkspaceWindow *self;

  g_return_val_if_fail (PW_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if ((pair = find_pair (store, pair_id, error)) == NULL)
    return NULL;

  if (pair->state == PW_PAIR_PROPOSED)
    {
      g_set_error (error, PW_WORKSPACE_ERROR, PW_WORKSPACE_ERROR_STATE,
                   _("This pair is only proposed: approve it in Matching to open its workspace."));
      return NULL;
    }

  if ((programme = pw_programme_repo_get (store, pair->programme_id, error)) == NULL ||
      (agreement = pw_agreement_load (store, pair_id, error)) == NULL ||
      (closure = pw_closure_load (store, pair_id, error)) == NULL)
    return NULL;

  self = g_object_new (PW_TYPE_WORKSPACE_WINDOW, NULL);
  self->store = g_object_ref (store);
  self->pair = g_steal_pointer (&pair);
  self->programme = g_steal_pointer (&programme);
  self->agreement = g_steal_pointer (&agreement);
  self->closure = g_steal_pointer (&closure);
  self->mentee_name = person_name (store, self->pair->mentee_id);
  self->mentor_name = person_name (store, self->pair->mentor_id);

  /* Translators: a pair, the mentee then their mentor */
  title = g_strdup_printf (_("%s ← %s"), self->mentee_name, self->mentor_name);
  /* Translators: printed under a document's title: the program, then the pair */
  self->subtitle = g_strdup_printf (_("%s · %s and %s"), pw_programme_get_name (self->programme),
                                    self->mentee_name, self->mentor_name);
  gtk_window_set_title (GTK_WINDOW (self), title);

  set_row_title (ADW_PREFERENCES_ROW (self->mentee_row), self->mentee_name);
  set_row_title (ADW_PREFERENCES_ROW (self->mentor_row), self->mentor_name);

  setup_agreement (self);
  setup_closing (self);
  reload_plan (self);
  reload_diary (self);

  for (PwWorksheetKind kind = PW_WORKSHEET_GROW; kind <= PW_WORKSHEET_FORCE_FIELD; kind++)
    {
      GtkWidget *editor = pw_worksheet_editor_new (store, self->pair->id, kind, self->subtitle);

      gtk_stack_add_titled (self->worksheet_stack, editor,
                            pw_worksheet_kind_to_string (kind),
                            _(short_labels[kind]));
    }

  update_overview (self);
  /* Nothing typed yet: what loading set is not a change to write. */
  g_hash_table_remove_all (self->pending);
  g_clear_handle_id (&self->save_id, g_source_remove);

  return self;
}

GtkWindow *
pw_workspace_window_open (GtkWindow *parent,
                          PwStore   *store,
                          gint64     pair_id)
{
  GListModel *toplevels = gtk_window_get_toplevels ();  /* (transfer none) */
  g_autoptr(GError) error = NULL;
  PwWorkspaceWindow *self;
  guint n;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (PW_IS_STORE (store), NULL);

  n = g_list_model_get_n_items (toplevels);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (PW_IS_WORKSPACE_WINDOW (window) &&
          PW_WORKSPACE_WINDOW (window)->store == store &&
          PW_WORKSPACE_WINDOW (window)->pair->id == pair_id)
        {
          gtk_window_present (GTK_WINDOW (window));
          return GTK_WINDOW (window);
        }
    }

  self = pw_workspace_window_new (store, pair_id, &error);
  if (self == NULL)
    {
      if (parent != NULL)
        {
          GtkWidget *dialog = adw_message_dialog_new (parent, _("Cannot Open the Workspace"), NULL);

          adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (dialog), error->message);
          adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
          gtk_window_present (GTK_WINDOW (dialog));
        }
      else
        g_message ("Cannot open the workspace: %s", error->message);
      return NULL;
    }

  if (parent != NULL && gtk_window_get_application (parent) != NULL)
    gtk_window_set_application (GTK_WINDOW (self), gtk_window_get_application (parent));

  gtk_window_present (GTK_WINDOW (self));

  return GTK_WINDOW (self);
}

gint64
pw_workspace_window_get_pair_id (PwWorkspaceWindow *self)
{
  g_return_val_if_fail (PW_IS_WORKSPACE_WINDOW (self), 0);

  return self->pair->id;
}

void
pw_workspace_window_show_page (PwWorkspaceWindow *self,
                               const char        *page)
{
  g_return_if_fail (PW_IS_WORKSPACE_WINDOW (self));
  g_return_if_fail (page != NULL);

  adw_view_stack_set_visible_child_name (self->view_stack, page);
}

GtkWidget *
pw_workspace_window_get_worksheet_editor (PwWorkspaceWindow *self,
                                          int                kind)
{
  g_return_val_if_fail (PW_IS_WORKSPACE_WINDOW (self), NULL);
  g_return_val_if_fail (kind >= PW_WORKSHEET_GROW && kind <= PW_WORKSHEET_FORCE_FIELD, NULL);

  return gtk_stack_get_child_by_name (self->worksheet_stack, pw_worksheet_kind_to_string (kind));
}

void
pw_workspace_window_flush (PwWorkspaceWindow *self)
{
  g_return_if_fail (PW_IS_WORKSPACE_WINDOW (self));

  flush_pending (self);
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->worksheet_stack));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (PW_IS_WORKSHEET_EDITOR (child))
      pw_worksheet_editor_flush (PW_WORKSHEET_EDITOR (child));
}

gboolean
pw_workspace_window_print_agreement (PwWorkspaceWindow  *self,
                                     const char         *pdf_path,
                                     GError            **error)
{
  g_return_val_if_fail (PW_IS_WORKSPACE_WINDOW (self), FALSE);

  flush_pending (self);
  return pw_print_document_run (pw_print_document_new_agreement (self->agreement, self->subtitle),
                                GTK_WINDOW (self), pdf_path, error);
}

void
pw_workspace_window_show_error (GtkWidget    *widget,
                                const GError *error)
{
  GtkRoot *root;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (error != NULL);

  root = gtk_widget_get_root (widget);
  if (PW_IS_WORKSPACE_WINDOW (root))
    show_error (PW_WORKSPACE_WINDOW (root), error);
  else
    g_message ("%s", error->message);
}
