/* pw-workshop-window.c — the workshop, full screen, driven from the keyboard
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One agenda item a screen: its prompts (the facilitator's script), a
 * countdown, the room's notes and, where the item captures decisions, the
 * widgets that write them straight into the programme. Three screens are
 * special: the live demonstration of criteria against blind-date matching,
 * the anonymous self-assessment, and the toolkit export.
 */
#include "config.h"

#define G_LOG_DOMAIN "pw-workshop-window"

#include <string.h>

#include <glib/gi18n.h>

#include "pw-eligibility.h"
#include "pw-gui-utils.h"
#include "pw-match.h"
#include "pw-person-repo.h"
#include "pw-programme-repo.h"
#include "pw-sample.h"
#include "pw-toolkit.h"
#include "pw-workshop-window.h"

struct _PwWorkshopWindow
{
  AdwWindow         parent_instance;

  PwStore          *store;
  PwProgramme      *programme;
  PwWorkshop       *workshop;

  PwWorkshopClock   clock;
  gpointer          clock_data;
  guint             tick_id;
  char             *timer_text;

  gboolean          loading;       /* filling widgets: no writes */
  GCancellable     *demo_cancellable;
  guint64           demo_seed;
  GtkWidget        *demo_columns[2];
  GtkWidget        *assessment_summary;
  GtkWidget        *rating_buttons[PW_N_COMPETENCIES][5];
  GtkWidget        *export_status;

  /* Template widgets */
  AdwToastOverlay  *toast_overlay;
  AdwHeaderBar     *header_bar;
  AdwWindowTitle   *window_title;
  GtkLabel         *day_label;
  GtkLabel         *title_label;
  GtkBox           *script_column;
  GtkBox           *side_column;
  GtkBox           *prompts_box;
  GtkTextView      *notes_view;
  GtkLabel         *timer_label;
  GtkButton        *timer_button;
  GtkProgressBar   *timer_bar;
  AdwBin           *panel;
  GtkWidget        *previous_button;
  GtkWidget        *next_button;
};

G_DEFINE_FINAL_TYPE (PwWorkshopWindow, pw_workshop_window, ADW_TYPE_WINDOW)

static void show_item (PwWorkshopWindow *self);

/* Helpers */

static gint64
now (PwWorkshopWindow *self)
{
  return self->clock ? self->clock (self->clock_data) : g_get_monotonic_time ();
}

static void
toast (PwWorkshopWindow *self,
       const char       *text)
{
  adw_toast_overlay_add_toast (self->toast_overlay, pw_toast_new_plain (text));
}

static void
toast_error (PwWorkshopWindow *self,
             const GError     *error)
{
  toast (self, error->message);
}

static GtkWidget *
label_new (const char *text,
           const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  /* Fill the column before wrapping, rather than a short measure. */
  gtk_label_set_max_width_chars (GTK_LABEL (label), 120);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);

  return label;
}

static void
update_timer (PwWorkshopWindow *self)
{
  const PwWorkshopItem *item = pw_workshop_get_item (self->workshop);
  gint64 remaining = pw_workshop_timer_remaining (self->workshop, now (self));
  gint64 total = (gint64) item->minutes * 60;
  gint64 shown = ABS (remaining);
  gboolean running = pw_workshop_timer_is_running (self->workshop);

  g_free (self->timer_text);
  self->timer_text = g_strdup_printf ("%s%" G_GINT64_FORMAT ":%02d",
                                      remaining < 0 ? "+" : "",
                                      shown / 60, (int) (shown % 60));
  gtk_label_set_label (self->timer_label, self->timer_text);

  if (remaining < 0)
    gtk_widget_add_css_class (GTK_WIDGET (self->timer_label), "overrun");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->timer_label), "overrun");
  if (remaining <= 60 && remaining >= 0 && running)
    gtk_widget_add_css_class (GTK_WIDGET (self->timer_label), "ending");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->timer_label), "ending");

  gtk_progress_bar_set_fraction (self->timer_bar,
                                 total > 0 ? CLAMP ((double) (total - remaining) / total, 0.0, 1.0) : 0.0);

  gtk_button_set_icon_name (self->timer_button,
                            running ? "media-playback-pause-symbolic" : "media-playback-start-symbolic");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->timer_button),
                               running ? _("Pause the Timer (T)") : _("Start the Timer (T)"));
}

static gboolean
tick_cb (gpointer user_data)
{
  update_timer (user_data);

  return G_SOURCE_CONTINUE;
}

static void
sync_ticking (PwWorkshopWindow *self)
{
  if (pw_workshop_timer_is_running (self->workshop))
    {
      if (self->tick_id == 0)
        self->tick_id = g_timeout_add (200, tick_cb, self);
    }
  else
    {
      g_clear_handle_id (&self->tick_id, g_source_remove);
    }

  update_timer (self);
}

static gboolean
focus_is_editing (PwWorkshopWindow *self)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

  if (focus == NULL)
    return FALSE;

  /* In the notes or a decision the keys are the room's text. */
  return gtk_widget_is_ancestor (focus, GTK_WIDGET (self->panel)) ||
         focus == GTK_WIDGET (self->notes_view) ||
         GTK_IS_EDITABLE (focus) || GTK_IS_TEXT_VIEW (focus);
}

/* Decisions: setup fields */

typedef struct
{
  const char *field;
  const char *label;
} FieldLabel;

static const FieldLabel field_labels[] = {
  { "name", N_("Program name") },
  { "kind", N_("Kind of mentoring") },
  { "purposes", N_("Purposes") },
  { "purpose-other", N_("The purpose in our own words") },
  { "goals", N_("Goals, one a line") },
  { "target-audience", N_("Who the mentees are and how they benefit") },
  { "scope", N_("Scope") },
  { "expected-demand", N_("Expected mentees") },
  { "start-date", N_("Start date (YYYY-MM-DD)") },
  { "end-date", N_("End date (YYYY-MM-DD)") },
  { "meetings-per-month", N_("Meetings a month") },
  { "meeting-minutes", N_("Minutes a meeting") },
  { "min-discussions", N_("Significant discussions a year") },
  { "discussion-minutes", N_("Minutes that make one significant") },
  { "first-contact-days", N_("Days to first contact") },
  { "contact-forms", N_("Contact") },
  { "code-of-conduct", N_("Code of conduct") },
  { "confidentiality", N_("Confidentiality and disclosure") },
  { "concerns", N_("Reporting concerns") },
  { "protected-hours", N_("Protected hours a month") },
  { "recognition", N_("Recognition") },
  { "peer-support", N_("Peer support") },
  { "sensitive-enabled", N_("Use sensitive characteristics for positive action") },
  { "pair-seniority", N_("Mentor’s seniority") },
  { "pair-discipline", N_("Discipline") },
};

static const char *
field_label (const char *field)
{
  for (guint i = 0; i < G_N_ELEMENTS (field_labels); i++)
    if (g_str_equal (field_labels[i].field, field))
      return _(field_labels[i].label);

  return field;
}

/* Plain words for enum and flags values, by nick. */
static const struct
{
  const char *nick;
  const char *label;
} value_labels[] = {
  { "reverse", N_("Reverse: juniors mentor seniors") },
  { "traditional", N_("Traditional: seniors mentor juniors") },
  { "peer", N_("Peer: the same level") },
  { "bridge-generations", N_("Bridge the generations") },
  { "digital-skills", N_("Digital skills") },
  { "diversity-inclusion", N_("Diversity and inclusion") },
  { "innovation", N_("Innovation") },
  { "retention", N_("Retention") },
  { "culture", N_("Culture") },
  { "current-role", N_("The current role") },
  { "career-development", N_("Career development") },
  { "future-goal", N_("A future goal") },
  { "in-person", N_("In person") },
  { "video", N_("Video") },
  { "phone", N_("Phone") },
  { "email", N_("Email") },
  { "any", N_("Any grade") },
  { "senior", N_("Senior in grade") },
  { "experienced", N_("Same level, more experience") },
  { "junior", N_("Junior in grade (reverse)") },
  { "either", N_("Either") },
  { "same", N_("The same discipline") },
  { "different", N_("A different discipline") },
};

static const char *
value_label (const char *nick)
{
  for (guint i = 0; i < G_N_ELEMENTS (value_labels); i++)
    if (g_str_equal (value_labels[i].nick, nick))
      return _(value_labels[i].label);

  return nick;
}

static void
write_field (PwWorkshopWindow *self,
             const char       *field,
             const char       *value)
{
  g_autoptr(GError) error = NULL;

  if (self->loading)
    return;

  if (!pw_workshop_set_field (self->workshop, field, value, &error))
    toast_error (self, error);
}

static void
text_changed_cb (GtkTextBuffer    *buffer,
                 PwWorkshopWindow *self)
{
  const char *field = g_object_get_data (G_OBJECT (buffer), "pw-field");
  g_autofree char *text = NULL;
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);

  if (g_str_equal (field, "goals"))
    {
      /* One goal a line; blank lines are not goals. */
      g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
      g_autoptr(GPtrArray) goals = g_ptr_array_new ();
      g_autofree char *joined = NULL;

      for (guint i = 0; lines[i] != NULL; i++)
        if (g_strstrip (lines[i])[0] != '\0')
          g_ptr_array_add (goals, lines[i]);
      g_ptr_array_add (goals, NULL);
      joined = g_strjoinv ("\n", (char **) goals->pdata);
      write_field (self, field, joined);
    }
  else
    {
      write_field (self, field, text);
    }
}

static void
entry_changed_cb (GtkEditable      *editable,
                  PwWorkshopWindow *self)
{
  const char *field = g_object_get_data (G_OBJECT (editable), "pw-field");
  const char *text = gtk_editable_get_text (editable);

  /* A date is written once it is a whole date. */
  if (g_str_has_suffix (field, "-date"))
    {
      g_autoptr(GDate) date = pw_date_parse (text);

      if (date == NULL)
        return;
    }

  write_field (self, field, text);
}

static void
spin_changed_cb (GtkSpinButton    *spin,
                 PwWorkshopWindow *self)
{
  const char *field = g_object_get_data (G_OBJECT (spin), "pw-field");
  g_autofree char *text = g_strdup_printf ("%d", gtk_spin_button_get_value_as_int (spin));

  write_field (self, field, text);
}

static void
switch_changed_cb (GtkSwitch        *widget,
                   GParamSpec       *pspec,
                   PwWorkshopWindow *self)
{
  write_field (self, g_object_get_data (G_OBJECT (widget), "pw-field"),
               gtk_switch_get_active (widget) ? "true" : "false");
}

static void
enum_selected_cb (GtkDropDown      *drop_down,
                  GParamSpec       *pspec,
                  PwWorkshopWindow *self)
{
  const char *field = g_object_get_data (G_OBJECT (drop_down), "pw-field");
  GEnumClass *klass = g_object_get_data (G_OBJECT (drop_down), "pw-enum");
  guint selected = gtk_drop_down_get_selected (drop_down);

  if (selected < klass->n_values)
    write_field (self, field, klass->values[selected].value_nick);
}

static void
flag_toggled_cb (GtkCheckButton   *check,
                 PwWorkshopWindow *self)
{
  const char *field = g_object_get_data (G_OBJECT (check), "pw-field");
  GtkWidget *group = gtk_widget_get_parent (gtk_widget_get_parent (GTK_WIDGET (check)));
  g_autoptr(GPtrArray) nicks = g_ptr_array_new ();
  g_autofree char *value = NULL;

  /* The checks of one field share a box: gather them all. */
  for (GtkWidget *row = gtk_widget_get_first_child (group); row != NULL; row = gtk_widget_get_next_sibling (row))
    for (GtkWidget *child = gtk_widget_get_first_child (row); child != NULL; child = gtk_widget_get_next_sibling (child))
      if (GTK_IS_CHECK_BUTTON (child) &&
          g_strcmp0 (g_object_get_data (G_OBJECT (child), "pw-field"), field) == 0 &&
          gtk_check_button_get_active (GTK_CHECK_BUTTON (child)))
        g_ptr_array_add (nicks, g_object_get_data (G_OBJECT (child), "pw-nick"));
  g_ptr_array_add (nicks, NULL);

  value = g_strjoinv (",", (char **) nicks->pdata);
  write_field (self, field, value);
}

static GtkWidget *
caption_new (const char *text)
{
  return label_new (text, "workshop-caption");
}

static GtkWidget *
field_widget_new (PwWorkshopWindow *self,
                  const char       *field)
{
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (self->programme), field);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  const char *label = field_label (field);

  g_assert (pspec != NULL);

  if (pspec->value_type == G_TYPE_BOOLEAN)
    {
      GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
      GtkWidget *widget = gtk_switch_new ();
      gboolean active;

      g_object_get (self->programme, field, &active, NULL);
      gtk_switch_set_active (GTK_SWITCH (widget), active);
      gtk_widget_set_valign (widget, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (widget, label);
      g_object_set_data (G_OBJECT (widget), "pw-field", (gpointer) g_intern_string (field));
      g_signal_connect_object (widget, "notify::active", G_CALLBACK (switch_changed_cb), self, 0);
      {
        GtkWidget *text = label_new (label, NULL);

        gtk_widget_set_hexpand (text, TRUE);
        gtk_box_append (GTK_BOX (row), text);
      }
      gtk_box_append (GTK_BOX (row), widget);
      gtk_box_append (GTK_BOX (box), row);
      return box;
    }

  gtk_box_append (GTK_BOX (box), caption_new (label));

  if (pspec->value_type == G_TYPE_INT)
    {
      GParamSpecInt *ispec = G_PARAM_SPEC_INT (pspec);
      GtkWidget *spin = gtk_spin_button_new_with_range (ispec->minimum, MIN (ispec->maximum, 100000), 1);
      int value;

      g_object_get (self->programme, field, &value, NULL);
      gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), value);
      gtk_widget_set_halign (spin, GTK_ALIGN_START);
      gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
      g_object_set_data (G_OBJECT (spin), "pw-field", (gpointer) g_intern_string (field));
      g_signal_connect_object (spin, "value-changed", G_CALLBACK (spin_changed_cb), self, 0);
      gtk_box_append (GTK_BOX (box), spin);
    }
  else if (G_IS_PARAM_SPEC_ENUM (pspec))
    {
      GEnumClass *klass = G_PARAM_SPEC_ENUM (pspec)->enum_class;
      g_autoptr(GtkStringList) model = gtk_string_list_new (NULL);
      GtkWidget *drop_down;
      int value;

      for (guint i = 0; i < klass->n_values; i++)
        gtk_string_list_append (model, value_label (klass->values[i].value_nick));
      drop_down = gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&model)), NULL);
      g_object_get (self->programme, field, &value, NULL);
      for (guint i = 0; i < klass->n_values; i++)
        if (klass->values[i].value == value)
          gtk_drop_down_set_selected (GTK_DROP_DOWN (drop_down), i);
      gtk_widget_set_tooltip_text (drop_down, label);
      g_object_set_data (G_OBJECT (drop_down), "pw-field", (gpointer) g_intern_string (field));
      g_object_set_data (G_OBJECT (drop_down), "pw-enum", klass);
      g_signal_connect_object (drop_down, "notify::selected", G_CALLBACK (enum_selected_cb), self, 0);
      gtk_box_append (GTK_BOX (box), drop_down);
    }
  else if (G_IS_PARAM_SPEC_FLAGS (pspec))
    {
      GFlagsClass *klass = G_PARAM_SPEC_FLAGS (pspec)->flags_class;
      GtkWidget *flow = gtk_flow_box_new ();
      guint value;

      gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (flow), GTK_SELECTION_NONE);
      gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (flow), 2);
      g_object_get (self->programme, field, &value, NULL);
      for (guint i = 0; i < klass->n_values; i++)
        {
          GtkWidget *check = gtk_check_button_new_with_label (value_label (klass->values[i].value_nick));

          gtk_check_button_set_active (GTK_CHECK_BUTTON (check), (value & klass->values[i].value) != 0);
          g_object_set_data (G_OBJECT (check), "pw-field", (gpointer) g_intern_string (field));
          g_object_set_data (G_OBJECT (check), "pw-nick", (gpointer) klass->values[i].value_nick);
          g_signal_connect_object (check, "toggled", G_CALLBACK (flag_toggled_cb), self, 0);
          gtk_flow_box_append (GTK_FLOW_BOX (flow), check);
        }
      gtk_box_append (GTK_BOX (box), flow);
    }
  else if (pspec->value_type == G_TYPE_STRING &&
           (g_str_equal (field, "name") || g_str_has_suffix (field, "-date")))
    {
      GtkWidget *entry = gtk_entry_new ();
      g_autofree char *text = NULL;

      g_object_get (self->programme, field, &text, NULL);
      gtk_editable_set_text (GTK_EDITABLE (entry), text ? text : "");
      gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
      g_object_set_data (G_OBJECT (entry), "pw-field", (gpointer) g_intern_string (field));
      g_signal_connect_object (entry, "changed", G_CALLBACK (entry_changed_cb), self, 0);
      gtk_box_append (GTK_BOX (box), entry);
    }
  else
    {
      GtkWidget *view = gtk_text_view_new ();
      GtkWidget *frame = gtk_frame_new (NULL);
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
      g_autofree char *text = NULL;

      if (pspec->value_type == G_TYPE_STRV)
        {
          g_auto(GStrv) goals = NULL;

          g_object_get (self->programme, field, &goals, NULL);
          text = goals ? g_strjoinv ("\n", goals) : g_strdup ("");
        }
      else
        {
          g_object_get (self->programme, field, &text, NULL);
        }

      gtk_text_buffer_set_text (buffer, text ? text : "", -1);
      gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
      gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 8);
      gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 8);
      gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 10);
      gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 10);
      gtk_widget_set_size_request (view, -1, 96);
      gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
      g_object_set_data (G_OBJECT (buffer), "pw-field", (gpointer) g_intern_string (field));
      g_signal_connect_object (buffer, "changed", G_CALLBACK (text_changed_cb), self, 0);
      gtk_frame_set_child (GTK_FRAME (frame), view);
      gtk_box_append (GTK_BOX (box), frame);
    }

  return box;
}

/* Decisions: eligibility rules */

static void fill_rules (PwWorkshopWindow *self, GtkWidget *list, PwRuleSet set);

static void
remove_rule_clicked_cb (GtkButton        *button,
                        PwWorkshopWindow *self)
{
  g_autoptr(GError) error = NULL;
  gint64 *id = g_object_get_data (G_OBJECT (button), "pw-rule-id");
  GtkWidget *list = g_object_get_data (G_OBJECT (button), "pw-list");

  if (!pw_eligibility_remove_rule (self->store, *id, &error))
    toast_error (self, error);
  fill_rules (self, list, GPOINTER_TO_INT (g_object_get_data (G_OBJECT (list), "pw-set")));
}

static void
fill_rules (PwWorkshopWindow *self,
            GtkWidget        *list,
            PwRuleSet         set)
{
  g_autoptr(GError) error = NULL;
  PwEligibility *eligibility;
  GtkWidget *child;
  GPtrArray *rules;
  gboolean any = FALSE;

  while ((child = gtk_widget_get_first_child (list)) != NULL)
    gtk_box_remove (GTK_BOX (list), child);

  eligibility = pw_eligibility_load (self->store, pw_programme_get_id (self->programme), &error);
  if (eligibility == NULL)
    {
      toast_error (self, error);
      return;
    }

  rules = pw_eligibility_get_rules (eligibility);
  for (guint i = 0; i < rules->len; i++)
    {
      const PwRule *rule = g_ptr_array_index (rules, i);
      g_autofree char *text = NULL;
      GtkWidget *row, *button;
      gint64 *id;

      if (rule->set != set)
        continue;

      text = pw_rule_describe (rule);
      row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      child = label_new (text, NULL);
      gtk_widget_set_hexpand (child, TRUE);
      gtk_box_append (GTK_BOX (row), child);
      button = gtk_button_new_from_icon_name ("list-remove-symbolic");
      gtk_widget_add_css_class (button, "flat");
      /* Translators: the tooltip of a button that removes the rule %s */
      {
        g_autofree char *tooltip = g_strdup_printf (_("Remove “%s”"), text);
        gtk_widget_set_tooltip_text (button, tooltip);
      }
      id = g_new (gint64, 1);
      *id = rule->id;
      g_object_set_data_full (G_OBJECT (button), "pw-rule-id", id, g_free);
      g_object_set_data (G_OBJECT (button), "pw-list", list);
      g_signal_connect_object (button, "clicked", G_CALLBACK (remove_rule_clicked_cb), self, 0);
      gtk_box_append (GTK_BOX (row), button);
      gtk_box_append (GTK_BOX (list), row);
      any = TRUE;
    }
  pw_eligibility_free (eligibility);

  if (!any)
    gtk_box_append (GTK_BOX (list), label_new (_("No rules yet: everyone may take part."), "dim-label"));
}

static void
rule_activated_cb (GtkEntry         *entry,
                   PwWorkshopWindow *self)
{
  g_autoptr(GError) error = NULL;
  GtkWidget *list = g_object_get_data (G_OBJECT (entry), "pw-list");
  PwRuleSet set = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (list), "pw-set"));

  if (!pw_workshop_add_rule (self->workshop, set, gtk_editable_get_text (GTK_EDITABLE (entry)), &error))
    {
      toast_error (self, error);
      return;
    }

  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  fill_rules (self, list, set);
}

static GtkWidget *
rules_widget_new (PwWorkshopWindow *self,
                  PwRuleSet         set)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *list = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *entry = gtk_entry_new ();

  gtk_box_append (GTK_BOX (box), caption_new (set == PW_RULE_SET_MENTEE ? _("Mentee rules") : _("Mentor rules")));
  g_object_set_data (G_OBJECT (list), "pw-set", GINT_TO_POINTER (set));
  gtk_widget_set_name (list, set == PW_RULE_SET_MENTEE ? "mentee-rules" : "mentor-rules");
  fill_rules (self, list, set);
  gtk_box_append (GTK_BOX (box), list);

  gtk_entry_set_placeholder_text (GTK_ENTRY (entry),
                                  set == PW_RULE_SET_MENTEE ? _("e.g. org-months at-least 12")
                                                            : _("e.g. department not-in Finance"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  set == PW_RULE_SET_MENTEE ? _("Add a mentee rule") : _("Add a mentor rule"),
                                  -1);
  gtk_widget_set_tooltip_text (entry, _("A rule in a few words, then Enter"));
  g_object_set_data (G_OBJECT (entry), "pw-list", list);
  g_signal_connect_object (entry, "activate", G_CALLBACK (rule_activated_cb), self, 0);
  gtk_box_append (GTK_BOX (box), entry);

  return box;
}

static void
reverse_preset_clicked_cb (GtkButton        *button,
                           PwWorkshopWindow *self)
{
  g_autoptr(GError) error = NULL;
  GtkDropDown *mentor = g_object_get_data (G_OBJECT (button), "pw-mentor");
  GtkDropDown *mentee = g_object_get_data (G_OBJECT (button), "pw-mentee");
  GtkStringList *grades = GTK_STRING_LIST (gtk_drop_down_get_model (mentor));

  if (!pw_workshop_apply_reverse_preset (self->workshop,
                                         gtk_string_list_get_string (grades, gtk_drop_down_get_selected (mentor)),
                                         gtk_string_list_get_string (grades, gtk_drop_down_get_selected (mentee)),
                                         &error))
    {
      toast_error (self, error);
      return;
    }

  toast (self, _("Reverse preset applied: juniors mentor seniors"));
  /* The rules and the programme's direction changed: show them. */
  show_item (self);
}

static GtkWidget *
reverse_preset_widget_new (PwWorkshopWindow *self)
{
  g_auto(GStrv) grades = pw_grade_scale_get (self->store, NULL);
  guint n = grades ? g_strv_length (grades) : 0;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *row, *mentor, *mentee, *button;

  gtk_box_append (GTK_BOX (box), caption_new (_("Reverse mentoring preset")));
  if (n < 2)
    {
      gtk_box_append (GTK_BOX (box), label_new (_("Set the organization’s grades first, in People."), "dim-label"));
      return box;
    }

  mentor = gtk_drop_down_new_from_strings ((const char * const *) grades);
  mentee = gtk_drop_down_new_from_strings ((const char * const *) grades);
  /* A sensible start: the lower half mentors the upper half. */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (mentor), n / 2 - 1);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (mentee), n - (n + 2) / 3);
  gtk_widget_set_tooltip_text (mentor, _("Highest mentor grade"));
  gtk_widget_set_tooltip_text (mentee, _("Lowest mentee grade"));

  row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  gtk_box_append (GTK_BOX (row), label_new (_("Mentors up to"), NULL));
  gtk_box_append (GTK_BOX (row), mentor);
  gtk_box_append (GTK_BOX (box), row);
  row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  gtk_box_append (GTK_BOX (row), label_new (_("Mentees from"), NULL));
  gtk_box_append (GTK_BOX (row), mentee);
  gtk_box_append (GTK_BOX (box), row);

  button = gtk_button_new_with_mnemonic (_("_Apply Reverse Preset"));
  gtk_widget_set_halign (button, GTK_ALIGN_START);
  g_object_set_data (G_OBJECT (button), "pw-mentor", mentor);
  g_object_set_data (G_OBJECT (button), "pw-mentee", mentee);
  g_signal_connect_object (button, "clicked", G_CALLBACK (reverse_preset_clicked_cb), self, 0);
  gtk_box_append (GTK_BOX (box), button);

  return box;
}

/* Decisions: matching weights */

static void
weight_changed_cb (GtkRange         *range,
                   PwWorkshopWindow *self)
{
  g_autoptr(GError) error = NULL;
  PwCriterion criterion = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (range), "pw-criterion"));

  if (self->loading)
    return;

  if (!pw_workshop_set_weight (self->workshop, criterion, (int) gtk_range_get_value (range), &error))
    toast_error (self, error);
}

static GtkWidget *
weights_widget_new (PwWorkshopWindow *self)
{
  g_autoptr(GError) error = NULL;
  GtkWidget *grid = gtk_grid_new ();
  PwMatchSettings settings;

  if (!pw_match_settings_load (self->store, pw_programme_get_id (self->programme), &settings, &error))
    {
      toast_error (self, error);
      pw_match_settings_init (&settings);
    }

  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 4);
  gtk_grid_attach (GTK_GRID (grid), caption_new (_("Matching weights, 0–10")), 0, 0, 2, 1);

  for (guint c = 0; c < PW_N_CRITERIA; c++)
    {
      GtkWidget *label = label_new (pw_criterion_label (c), NULL);
      GtkWidget *scale = gtk_scale_new_with_range (GTK_ORIENTATION_HORIZONTAL, 0, 10, 1);

      gtk_scale_set_digits (GTK_SCALE (scale), 0);
      gtk_scale_set_draw_value (GTK_SCALE (scale), TRUE);
      gtk_scale_set_value_pos (GTK_SCALE (scale), GTK_POS_RIGHT);
      gtk_range_set_value (GTK_RANGE (scale), settings.weights[c]);
      gtk_widget_set_hexpand (scale, TRUE);
      gtk_accessible_update_property (GTK_ACCESSIBLE (scale), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      pw_criterion_label (c), -1);
      g_object_set_data (G_OBJECT (scale), "pw-criterion", GUINT_TO_POINTER (c));
      g_signal_connect_object (scale, "value-changed", G_CALLBACK (weight_changed_cb), self, 0);
      gtk_grid_attach (GTK_GRID (grid), label, 0, c + 1, 1, 1);
      gtk_grid_attach (GTK_GRID (grid), scale, 1, c + 1, 1, 1);
    }

  return grid;
}

static GtkWidget *
decisions_panel_new (PwWorkshopWindow     *self,
                     const PwWorkshopItem *item)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);

  gtk_widget_add_css_class (box, "workshop-decisions");
  gtk_box_append (GTK_BOX (box), label_new (_("The room decides"), "workshop-heading"));

  for (guint i = 0; item->decisions[i] != NULL; i++)
    {
      const char *decision = item->decisions[i];
      GtkWidget *widget;

      if (g_str_equal (decision, PW_DECISION_MENTEE_RULES))
        widget = rules_widget_new (self, PW_RULE_SET_MENTEE);
      else if (g_str_equal (decision, PW_DECISION_MENTOR_RULES))
        widget = rules_widget_new (self, PW_RULE_SET_MENTOR);
      else if (g_str_equal (decision, PW_DECISION_REVERSE_PRESET))
        widget = reverse_preset_widget_new (self);
      else if (g_str_equal (decision, PW_DECISION_MATCH_WEIGHTS))
        widget = weights_widget_new (self);
      else
        widget = field_widget_new (self, decision);

      gtk_box_append (GTK_BOX (box), widget);
    }

  return box;
}

/* The live demonstration */

typedef struct
{
  PwMatchSettings  settings;
  guint64          seed;
  /* results, [0] criteria, [1] blind date */
  PwFairness       fairness[2];
  GPtrArray       *pairs[2];     /* char *, "Mentee ← Mentor · score" */
} DemoData;

static void
demo_data_free (gpointer data)
{
  DemoData *d = data;

  for (guint i = 0; i < 2; i++)
    g_clear_pointer (&d->pairs[i], g_ptr_array_unref);
  g_free (d);
}

static void
demo_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  DemoData *d = task_data;
  g_autoptr(PwStore) store = NULL;
  g_autoptr(PwMatchRun) run = NULL;
  GError *error = NULL;
  PwMatchSettings sample;
  gint64 id;

  /* A private sample organisation: the real programme is never touched. */
  store = pw_store_open (":memory:", &error);
  if (store == NULL || (id = pw_sample_create (store, &error)) <= 0 ||
      !pw_match_settings_load (store, id, &sample, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  /* The weights the room chose, on the sample's people. */
  memcpy (sample.weights, d->settings.weights, sizeof sample.weights);
  if (!pw_match_settings_save (store, id, &sample, &error) ||
      (run = pw_match_prepare (store, id, &error)) == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  for (guint k = 0; k < 2; k++)
    {
      if (!pw_match_solve (run, k == 1, d->seed, cancellable, &error))
        {
          g_task_return_error (task, error);
          return;
        }

      pw_match_fairness (run, &d->fairness[k]);
      d->pairs[k] = g_ptr_array_new_with_free_func (g_free);
      for (guint i = 0; i < pw_match_get_n_mentees (run); i++)
        {
          int j = pw_match_get_assignment (run, i);
          PwPairScore score;

          if (j < 0 || !pw_match_score_pair (run, i, j, &score))
            continue;

          g_ptr_array_add (d->pairs[k],
                           g_strdup_printf ("%s ← %s · %d",
                                            pw_person_get_name (pw_match_get_mentee (run, i)),
                                            pw_person_get_name (pw_match_get_mentor (run, j)),
                                            score.score));
        }
    }

  g_task_return_boolean (task, TRUE);
}

static GtkWidget *
figure_new (const char *value,
            const char *caption)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  gtk_box_append (GTK_BOX (box), label_new (value, "workshop-figure"));
  gtk_box_append (GTK_BOX (box), label_new (caption, "workshop-caption"));

  return box;
}

static void
fill_demo_column (GtkWidget        *column,
                  const char       *title,
                  const PwFairness *f,
                  GPtrArray        *pairs)
{
  GtkWidget *child, *grid, *list;
  g_autofree char *matched = g_strdup_printf ("%u", f->matched);
  g_autofree char *unmatched = g_strdup_printf ("%u", f->unmatched);
  g_autofree char *lowest = g_strdup_printf ("%d", f->lowest);
  /* Translators: a mean and its standard deviation, "62 ± 14" */
  g_autofree char *mean = g_strdup_printf (_("%.0f ± %.0f"), f->mean, f->stddev);

  while ((child = gtk_widget_get_first_child (column)) != NULL)
    gtk_box_remove (GTK_BOX (column), child);

  gtk_box_append (GTK_BOX (column), label_new (title, "workshop-heading"));

  grid = gtk_grid_new ();
  gtk_grid_set_column_spacing (GTK_GRID (grid), 24);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 8);
  gtk_grid_attach (GTK_GRID (grid), figure_new (matched, _("pairs")), 0, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), figure_new (unmatched, _("without a mentor")), 1, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), figure_new (lowest, _("lowest pair’s score")), 0, 1, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), figure_new (mean, _("score, mean ± spread")), 1, 1, 1, 1);
  gtk_box_append (GTK_BOX (column), grid);

  list = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  gtk_widget_set_margin_top (list, 8);
  for (guint i = 0; pairs != NULL && i < pairs->len; i++)
    gtk_box_append (GTK_BOX (list), label_new (g_ptr_array_index (pairs, i), "workshop-pair"));
  gtk_box_append (GTK_BOX (column), list);
}

static void
demo_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(PwWorkshopWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  DemoData *d = g_task_get_task_data (G_TASK (result));
  gboolean ok = g_task_propagate_boolean (G_TASK (result), &error);

  /* A later run, another screen or a closed window: this result is stale. */
  if (self->workshop == NULL || self->demo_cancellable != g_task_get_cancellable (G_TASK (result)))
    return;
  g_clear_object (&self->demo_cancellable);

  if (!ok)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        toast_error (self, error);
      return;
    }

  if (self->demo_columns[0] == NULL)
    return;

  for (guint i = 0; i < 2; i++)
    gtk_widget_set_opacity (self->demo_columns[i], 1.0);
  fill_demo_column (self->demo_columns[0], _("Criteria"), &d->fairness[0], d->pairs[0]);
  fill_demo_column (self->demo_columns[1], _("Blind Date"), &d->fairness[1], d->pairs[1]);
}

static void
run_demo (PwWorkshopWindow *self)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  DemoData *d = g_new0 (DemoData, 1);

  if (!pw_match_settings_load (self->store, pw_programme_get_id (self->programme), &d->settings, &error))
    pw_match_settings_init (&d->settings);
  d->seed = self->demo_seed;

  if (self->demo_cancellable != NULL)
    g_cancellable_cancel (self->demo_cancellable);
  g_clear_object (&self->demo_cancellable);
  self->demo_cancellable = g_cancellable_new ();

  for (guint i = 0; i < 2; i++)
    if (self->demo_columns[i] != NULL)
      gtk_widget_set_opacity (self->demo_columns[i], 0.5);

  task = g_task_new (NULL, self->demo_cancellable, demo_done_cb, g_object_ref (self));
  g_task_set_source_tag (task, run_demo);
  g_task_set_task_data (task, d, demo_data_free);
  g_task_run_in_thread (task, demo_thread);
}

static GtkWidget *
demo_panel_new (PwWorkshopWindow *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *columns = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 36);
  GtkWidget *button;
  g_autofree char *intro = NULL;

  /* Translators: %s is the sample organization's name */
  intro = g_strdup_printf (_("The sample organization, %s, matched with the weights this room chose."),
                           PW_SAMPLE_ORGANISATION);
  gtk_box_append (GTK_BOX (box), label_new (intro, "dim-label"));

  gtk_box_set_homogeneous (GTK_BOX (columns), TRUE);
  for (guint i = 0; i < 2; i++)
    {
      self->demo_columns[i] = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
      gtk_box_append (GTK_BOX (self->demo_columns[i]),
                      label_new (i == 0 ? _("Criteria") : _("Blind Date"), "workshop-heading"));
      gtk_box_append (GTK_BOX (self->demo_columns[i]), label_new (_("Matching…"), "dim-label"));
      gtk_box_append (GTK_BOX (columns), self->demo_columns[i]);
    }
  gtk_box_append (GTK_BOX (box), columns);

  button = gtk_button_new_with_mnemonic (_("_Run the Blind Date Again"));
  gtk_widget_set_halign (button, GTK_ALIGN_START);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "workshop.run-demo");
  gtk_box_prepend (GTK_BOX (box), button);

  run_demo (self);

  return box;
}

/* The self-assessment */

static void
fill_assessment_summary (PwWorkshopWindow *self)
{
  GtkWidget *grid = self->assessment_summary;
  GtkWidget *child;
  g_autofree char *heading = NULL;
  guint respondents = pw_workshop_get_respondents (self->workshop);

  while ((child = gtk_widget_get_first_child (grid)) != NULL)
    gtk_grid_remove (GTK_GRID (grid), child);

  heading = g_strdup_printf (g_dngettext (NULL, "The room: %u answer", "The room: %u answers", respondents),
                             respondents);
  gtk_grid_attach (GTK_GRID (grid), label_new (heading, "workshop-heading"), 0, 0, 3, 1);

  for (guint c = 0; c < PW_N_COMPETENCIES; c++)
    {
      PwCompetencySummary summary;
      GtkWidget *bar = gtk_level_bar_new_for_interval (0, 5);
      g_autofree char *value = NULL;

      pw_workshop_get_aggregate (self->workshop, c, &summary);
      if (summary.suppressed)
        value = g_strdup ("—");
      else
        value = g_strdup_printf ("%.1f", summary.mean);

      gtk_level_bar_set_value (GTK_LEVEL_BAR (bar), summary.suppressed ? 0 : summary.mean);
      gtk_widget_set_hexpand (bar, TRUE);
      gtk_widget_set_valign (bar, GTK_ALIGN_CENTER);
      gtk_widget_set_size_request (bar, 80, -1);
      gtk_accessible_update_property (GTK_ACCESSIBLE (bar), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      pw_competency_label (c), -1);

      gtk_grid_attach (GTK_GRID (grid), label_new (pw_competency_label (c), "workshop-pair"), 0, c + 1, 1, 1);
      gtk_grid_attach (GTK_GRID (grid), bar, 1, c + 1, 1, 1);
      gtk_grid_attach (GTK_GRID (grid), label_new (value, "workshop-pair"), 2, c + 1, 1, 1);
    }

  {
    g_autofree char *note = g_strdup_printf (_("Figures show from %d answers: nobody can be singled out."),
                                             PW_WORKSHOP_MIN_ANSWERS);

    gtk_grid_attach (GTK_GRID (grid), label_new (note, "dim-label"), 0, PW_N_COMPETENCIES + 1, 3, 1);
  }
}

static void
add_answers_clicked_cb (GtkButton        *button,
                        PwWorkshopWindow *self)
{
  g_autoptr(GError) error = NULL;
  int ratings[PW_N_COMPETENCIES] = { 0 };

  for (guint c = 0; c < PW_N_COMPETENCIES; c++)
    for (guint r = 0; r < 5; r++)
      if (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (self->rating_buttons[c][r])))
        ratings[c] = (int) r + 1;

  if (!pw_workshop_add_assessment (self->workshop, ratings, &error))
    {
      toast_error (self, error);
      return;
    }

  /* Cleared for the next person at the laptop. */
  for (guint c = 0; c < PW_N_COMPETENCIES; c++)
    for (guint r = 0; r < 5; r++)
      gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->rating_buttons[c][r]), FALSE);

  fill_assessment_summary (self);
  toast (self, _("Thank you: your answers were added, without your name"));
}

static GtkWidget *
assessment_panel_new (PwWorkshopWindow *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 36);
  GtkWidget *form = gtk_grid_new ();
  GtkWidget *button;

  gtk_box_set_homogeneous (GTK_BOX (box), TRUE);
  gtk_grid_set_row_spacing (GTK_GRID (form), 4);
  gtk_grid_set_column_spacing (GTK_GRID (form), 4);
  gtk_grid_attach (GTK_GRID (form), label_new (_("Your ratings, 1–5"), "workshop-heading"), 0, 0, 6, 1);

  for (guint c = 0; c < PW_N_COMPETENCIES; c++)
    {
      GtkWidget *label = label_new (pw_competency_label (c), "workshop-pair");

      gtk_widget_set_hexpand (label, TRUE);
      gtk_grid_attach (GTK_GRID (form), label, 0, c + 1, 1, 1);
      for (guint r = 0; r < 5; r++)
        {
          g_autofree char *text = g_strdup_printf ("%u", r + 1);
          g_autofree char *name = g_strdup_printf ("%s: %u", pw_competency_label (c), r + 1);
          GtkWidget *toggle = gtk_toggle_button_new_with_label (text);

          if (r > 0)
            gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (toggle), GTK_TOGGLE_BUTTON (self->rating_buttons[c][0]));
          gtk_widget_add_css_class (toggle, "circular");
          gtk_widget_add_css_class (toggle, "workshop-rating");
          gtk_accessible_update_property (GTK_ACCESSIBLE (toggle), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
          self->rating_buttons[c][r] = toggle;
          gtk_grid_attach (GTK_GRID (form), toggle, r + 1, c + 1, 1, 1);
        }
    }

  button = gtk_button_new_with_mnemonic (_("_Add My Answers"));
  gtk_widget_add_css_class (button, "suggested-action");
  gtk_widget_set_halign (button, GTK_ALIGN_START);
  gtk_widget_set_margin_top (button, 8);
  g_signal_connect_object (button, "clicked", G_CALLBACK (add_answers_clicked_cb), self, 0);
  gtk_grid_attach (GTK_GRID (form), button, 0, PW_N_COMPETENCIES + 1, 6, 1);
  gtk_box_append (GTK_BOX (box), form);

  self->assessment_summary = gtk_grid_new ();
  gtk_grid_set_row_spacing (GTK_GRID (self->assessment_summary), 10);
  gtk_grid_set_column_spacing (GTK_GRID (self->assessment_summary), 12);
  fill_assessment_summary (self);
  gtk_box_append (GTK_BOX (box), self->assessment_summary);

  return box;
}

/* The toolkit */

static GtkWidget *
toolkit_panel_new (PwWorkshopWindow *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *button = gtk_button_new_with_mnemonic (_("_Export Toolkit…"));

  gtk_box_append (GTK_BOX (box), label_new (_("A PDF of the program as this room designed it: the design, the rules, the code of conduct, the agreement template, the schedule plan and the evaluation plan."), NULL));
  gtk_widget_add_css_class (button, "pill");
  gtk_widget_add_css_class (button, "suggested-action");
  gtk_widget_set_halign (button, GTK_ALIGN_START);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "workshop.export-toolkit");
  gtk_box_append (GTK_BOX (box), button);

  self->export_status = label_new ("", "dim-label");
  gtk_box_append (GTK_BOX (box), self->export_status);

  return box;
}

static void
export_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(PwWorkshopWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  gboolean ok = pw_toolkit_export_finish (result, &error);

  if (self->workshop == NULL)
    return;  /* closed meanwhile */

  if (!ok)
    {
      toast_error (self, error);
      return;
    }

  {
    const char *text = _("Toolkit exported");

    toast (self, text);
    if (self->export_status != NULL)
      gtk_label_set_label (GTK_LABEL (self->export_status), text);
  }
}

static void
export_response_cb (GtkNativeDialog  *dialog,
                    int               response,
                    PwWorkshopWindow *self)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);

  if (file == NULL)
    return;

  pw_toolkit_export_async (self->store, self->programme, self->workshop, file, NULL,
                           export_done_cb, g_object_ref (self));
}

/* Screens */

static void
notes_changed_cb (GtkTextBuffer    *buffer,
                  PwWorkshopWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  GtkTextIter start, end;

  if (self->loading)
    return;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  if (!pw_workshop_set_note (self->workshop, pw_workshop_get_item (self->workshop)->id, text, &error))
    toast_error (self, error);
}

static void
show_item (PwWorkshopWindow *self)
{
  const PwWorkshopItem *item = pw_workshop_get_item (self->workshop);
  guint position = pw_workshop_get_position (self->workshop);
  guint n = pw_workshop_agenda_get_n_items ();
  g_autofree char *day = NULL;
  GtkWidget *panel = NULL;
  GtkWidget *child;
  gboolean wide;

  self->loading = TRUE;

  /* Translators: "Day One: Setting Up the Scheme · 3 of 29" */
  day = g_strdup_printf (_("%s · %u of %u"), pw_workshop_day_title (item->day), position + 1, n);
  gtk_label_set_label (self->day_label, day);
  gtk_label_set_label (self->title_label, pw_workshop_item_get_title (item));
  adw_window_title_set_subtitle (self->window_title, pw_workshop_item_get_title (item));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->prompts_box))) != NULL)
    gtk_box_remove (self->prompts_box, child);
  for (guint i = 0; i < pw_workshop_item_get_n_prompts (item); i++)
    {
      GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
      GtkWidget *bullet = gtk_label_new ("•");

      gtk_widget_set_valign (bullet, GTK_ALIGN_START);
      gtk_widget_add_css_class (bullet, "workshop-bullet");
      gtk_box_append (GTK_BOX (row), bullet);
      gtk_box_append (GTK_BOX (row), label_new (pw_workshop_item_get_prompt (item, i), "workshop-prompt"));
      gtk_box_append (self->prompts_box, row);
    }

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->notes_view),
                            pw_workshop_get_note (self->workshop, item->id), -1);

  /* The panels of the last screen go; the demonstration's result with it. */
  self->demo_columns[0] = self->demo_columns[1] = NULL;
  self->assessment_summary = NULL;
  self->export_status = NULL;
  if (self->demo_cancellable != NULL)
    g_cancellable_cancel (self->demo_cancellable);
  g_clear_object (&self->demo_cancellable);

  switch (item->screen)
    {
    case PW_WORKSHOP_SCREEN_DEMONSTRATION:
      panel = demo_panel_new (self);
      break;

    case PW_WORKSHOP_SCREEN_SELF_ASSESSMENT:
      panel = assessment_panel_new (self);
      break;

    case PW_WORKSHOP_SCREEN_TOOLKIT:
      panel = toolkit_panel_new (self);
      break;

    case PW_WORKSHOP_SCREEN_PROMPTS:
    default:
      if (item->decisions[0] != NULL)
        panel = decisions_panel_new (self, item);
      break;
    }

  adw_bin_set_child (self->panel, panel);

  /* Demonstration and self-assessment need the room's width; their
   * prompts are few and can be read in a narrow column. */
  wide = item->screen == PW_WORKSHOP_SCREEN_DEMONSTRATION || item->screen == PW_WORKSHOP_SCREEN_SELF_ASSESSMENT;
  gtk_widget_set_hexpand (GTK_WIDGET (self->side_column), wide);
  gtk_widget_set_hexpand (GTK_WIDGET (self->script_column), !wide);
  gtk_widget_set_size_request (GTK_WIDGET (self->script_column), wide ? 340 : -1, -1);
  gtk_widget_set_size_request (GTK_WIDGET (self->side_column), wide ? -1 : 460, -1);
  if (wide)
    gtk_widget_add_css_class (GTK_WIDGET (self->script_column), "compact");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->script_column), "compact");

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "workshop.previous", position > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "workshop.next", position + 1 < n);

  self->loading = FALSE;

  sync_ticking (self);

  /* Keys belong to the agenda, not to the first field of the screen. */
  gtk_window_set_focus (GTK_WINDOW (self), NULL);
}

static void
move (PwWorkshopWindow *self,
      gboolean          forward)
{
  g_autoptr(GError) error = NULL;
  gboolean moved;

  /* Leaving an item stops its clock, by this window's clock. */
  if (pw_workshop_timer_is_running (self->workshop) &&
      (forward ? pw_workshop_get_position (self->workshop) + 1 < pw_workshop_agenda_get_n_items ()
               : pw_workshop_get_position (self->workshop) > 0))
    pw_workshop_timer_pause (self->workshop, now (self));

  moved = forward ? pw_workshop_next (self->workshop, &error)
                  : pw_workshop_previous (self->workshop, &error);
  if (error != NULL)
    toast_error (self, error);
  if (moved)
    show_item (self);
}

/* Actions */

static void
next_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  move (PW_WORKSHOP_WINDOW (widget), TRUE);
}

static void
previous_activated (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  move (PW_WORKSHOP_WINDOW (widget), FALSE);
}

static void
toggle_timer_activated (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  PwWorkshopWindow *self = PW_WORKSHOP_WINDOW (widget);

  if (pw_workshop_timer_is_running (self->workshop))
    pw_workshop_timer_pause (self->workshop, now (self));
  else
    pw_workshop_timer_start (self->workshop, now (self));

  sync_ticking (self);
}

static void
reset_timer_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  PwWorkshopWindow *self = PW_WORKSHOP_WINDOW (widget);

  pw_workshop_timer_reset (self->workshop);
  sync_ticking (self);
}

static void
toggle_fullscreen_activated (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  if (gtk_window_is_fullscreen (GTK_WINDOW (widget)))
    gtk_window_unfullscreen (GTK_WINDOW (widget));
  else
    gtk_window_fullscreen (GTK_WINDOW (widget));
}

static void
run_demo_activated (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  PwWorkshopWindow *self = PW_WORKSHOP_WINDOW (widget);

  self->demo_seed++;
  if (self->demo_columns[0] != NULL)
    run_demo (self);
}

static void
export_toolkit_activated (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  PwWorkshopWindow *self = PW_WORKSHOP_WINDOW (widget);
  GtkFileChooserNative *dialog;
  g_autofree char *name = NULL;

  dialog = pw_file_chooser_new (widget, _("Export Toolkit"), GTK_FILE_CHOOSER_ACTION_SAVE,
                                _("_Export"), _("_Cancel"));
  /* Translators: the toolkit's file name; %s is the program's name */
  name = g_strdup_printf (_("%s Toolkit.pdf"), pw_programme_get_name (self->programme));
  g_strdelimit (name, "/\\", '-');
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
  pw_file_chooser_add_filter (dialog, _("PDF documents"), "application/pdf", NULL);

  g_signal_connect_object (dialog, "response", G_CALLBACK (export_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

/* Signal callbacks */

static gboolean
key_pressed_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                PwWorkshopWindow      *self)
{
  return pw_workshop_window_handle_key (self, keyval, state);
}

static void
fullscreened_cb (PwWorkshopWindow *self)
{
  /* On a projector the header bar is only clutter. */
  gtk_widget_set_visible (GTK_WIDGET (self->header_bar), !gtk_window_is_fullscreen (GTK_WINDOW (self)));
}

/* Overrides */

static void
pw_workshop_window_dispose (GObject *object)
{
  PwWorkshopWindow *self = PW_WORKSHOP_WINDOW (object);

  /* Closing mid-item keeps the time used so far. */
  if (self->workshop != NULL && pw_workshop_timer_is_running (self->workshop))
    pw_workshop_timer_pause (self->workshop, now (self));

  g_clear_handle_id (&self->tick_id, g_source_remove);
  if (self->demo_cancellable != NULL)
    g_cancellable_cancel (self->demo_cancellable);
  g_clear_object (&self->demo_cancellable);

  gtk_widget_dispose_template (GTK_WIDGET (self), PW_TYPE_WORKSHOP_WINDOW);
  self->demo_columns[0] = self->demo_columns[1] = NULL;
  self->assessment_summary = NULL;
  self->export_status = NULL;

  g_clear_object (&self->workshop);
  g_clear_object (&self->programme);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (pw_workshop_window_parent_class)->dispose (object);
}

static void
pw_workshop_window_finalize (GObject *object)
{
  PwWorkshopWindow *self = PW_WORKSHOP_WINDOW (object);

  g_clear_pointer (&self->timer_text, g_free);

  G_OBJECT_CLASS (pw_workshop_window_parent_class)->finalize (object);
}

static void
pw_workshop_window_class_init (PwWorkshopWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pw_workshop_window_dispose;
  object_class->finalize = pw_workshop_window_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/pw-workshop-window.ui");
  gtk_widget_class_bind_template_child (widget_class, PwWorkshopWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, PwWorkshopWindow, header_bar);
  gtk_widget_class_bind_template_child (widget_class, PwWorkshopWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, PwWorkshopWindow, day_label);
  gtk_widget_class_bind_template_child (widget_class, PwWorkshopWindow, title_label);
  gtk_widget_class_bind_template_child (widget_class, PwWorkshopWindow, script_column);
  gtk_widget_class_bind_template_child (widget_class, PwWorkshopWindow, side_column);
  gtk_widget_class_bind_template_child (widget_class, PwWorkshopWindow, prompts_box);
  gtk_widget_class_bind_template_child (widget_class, PwWorkshopWindow, notes_view);
  gtk_widget_class_bind_template_child (widget_class, PwWorkshopWindow, timer_label);
  gtk_widget_class_bind_template_child (widget_class, PwWorkshopWindow, timer_button);
  gtk_widget_class_bind_template_child (widget_class, PwWorkshopWindow, timer_bar);
  gtk_widget_class_bind_template_child (widget_class, PwWorkshopWindow, panel);
  gtk_widget_class_bind_template_child (widget_class, PwWorkshopWindow, previous_button);
  gtk_widget_class_bind_template_child (widget_class, PwWorkshopWindow, next_button);

  gtk_widget_class_install_action (widget_class, "workshop.next", NULL, next_activated);
  gtk_widget_class_install_action (widget_class, "workshop.previous", NULL, previous_activated);
  gtk_widget_class_install_action (widget_class, "workshop.toggle-timer", NULL, toggle_timer_activated);
  gtk_widget_class_install_action (widget_class, "workshop.reset-timer", NULL, reset_timer_activated);
  gtk_widget_class_install_action (widget_class, "workshop.toggle-fullscreen", NULL, toggle_fullscreen_activated);
  gtk_widget_class_install_action (widget_class, "workshop.run-demo", NULL, run_demo_activated);
  gtk_widget_class_install_action (widget_class, "workshop.export-toolkit", NULL, export_toolkit_activated);
}

static void
pw_workshop_window_init (PwWorkshopWindow *self)
{
  GtkEventController *keys;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->demo_seed = 1;

  /* In the capture phase, before a focused button takes Space or the
   * arrows move the focus: the agenda keys work wherever the focus is,
   * except while the room is typing. */
  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (key_pressed_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);

  g_signal_connect_object (self, "notify::fullscreened", G_CALLBACK (fullscreened_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_text_view_get_buffer (self->notes_view), "changed",
                           G_CALLBACK (notes_changed_cb), self, 0);
}

/* Public API */

/**
 * pw_workshop_window_new:
 * @programme: the programme the workshop designs; the window changes
 *   this instance, so views holding it see the room's decisions
 *
 * Returns: (transfer none): a window showing the workshop where it
 *   stopped, owned by GTK's list of windows, or %NULL when its saved
 *   state cannot be read
 */
PwWorkshopWindow *
pw_workshop_window_new (PwStore      *store,
                        PwProgramme  *programme,
                        GError      **error)
{
  PwWorkshopWindow *self;
  PwWorkshop *workshop;

  g_return_val_if_fail (PW_IS_STORE (store), NULL);
  g_return_val_if_fail (PW_IS_PROGRAMME (programme), NULL);

  workshop = pw_workshop_load (store, programme, error);
  if (workshop == NULL)
    return NULL;

  self = g_object_new (PW_TYPE_WORKSHOP_WINDOW, NULL);
  self->store = g_object_ref (store);
  self->programme = g_object_ref (programme);
  self->workshop = workshop;

  adw_window_title_set_title (self->window_title, pw_programme_get_name (programme));
  show_item (self);

  return self;
}

PwWorkshop *
pw_workshop_window_get_workshop (PwWorkshopWindow *self)
{
  g_return_val_if_fail (PW_IS_WORKSHOP_WINDOW (self), NULL);

  return self->workshop;
}

/**
 * pw_workshop_window_set_clock:
 * @clock: (nullable): the clock, or %NULL for g_get_monotonic_time()
 */
void
pw_workshop_window_set_clock (PwWorkshopWindow *self,
                              PwWorkshopClock   clock,
                              gpointer          user_data)
{
  g_return_if_fail (PW_IS_WORKSHOP_WINDOW (self));
  g_return_if_fail (!pw_workshop_timer_is_running (self->workshop));

  self->clock = clock;
  self->clock_data = user_data;
  update_timer (self);
}

const char *
pw_workshop_window_get_timer_text (PwWorkshopWindow *self)
{
  g_return_val_if_fail (PW_IS_WORKSHOP_WINDOW (self), NULL);

  return gtk_label_get_label (self->timer_label);
}

gboolean
pw_workshop_window_get_busy (PwWorkshopWindow *self)
{
  g_return_val_if_fail (PW_IS_WORKSHOP_WINDOW (self), FALSE);

  return self->demo_cancellable != NULL;
}

/**
 * pw_workshop_window_handle_key:
 *
 * Right, Page Down and Space move on; Left and Page Up move back; T or S
 * starts and pauses the timer, R resets it; F11 toggles full screen and
 * Escape leaves it (and leaves a field, giving the keys back to the agenda).
 *
 * Returns: %TRUE if the key was the workshop's
 */
gboolean
pw_workshop_window_handle_key (PwWorkshopWindow *self,
                               guint             keyval,
                               GdkModifierType   state)
{
  GtkWidget *widget = GTK_WIDGET (self);

  g_return_val_if_fail (PW_IS_WORKSHOP_WINDOW (self), FALSE);

  if (state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SUPER_MASK))
    return FALSE;

  switch (keyval)
    {
    case GDK_KEY_F11:
      gtk_widget_activate_action (widget, "workshop.toggle-fullscreen", NULL);
      return TRUE;

    case GDK_KEY_Escape:
      if (focus_is_editing (self))
        gtk_window_set_focus (GTK_WINDOW (self), NULL);
      if (gtk_window_is_fullscreen (GTK_WINDOW (self)))
        gtk_window_unfullscreen (GTK_WINDOW (self));
      return TRUE;

    default:
      break;
    }

  if (focus_is_editing (self))
    return FALSE;

  switch (keyval)
    {
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
    case GDK_KEY_Page_Down:
    case GDK_KEY_KP_Page_Down:
    case GDK_KEY_space:
      gtk_widget_activate_action (widget, "workshop.next", NULL);
      return TRUE;

    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
    case GDK_KEY_Page_Up:
    case GDK_KEY_KP_Page_Up:
      gtk_widget_activate_action (widget, "workshop.previous", NULL);
      return TRUE;

    case GDK_KEY_t:
    case GDK_KEY_T:
    case GDK_KEY_s:
    case GDK_KEY_S:
      gtk_widget_activate_action (widget, "workshop.toggle-timer", NULL);
      return TRUE;

    case GDK_KEY_r:
    case GDK_KEY_R:
      gtk_widget_activate_action (widget, "workshop.reset-timer", NULL);
      return TRUE;

    default:
      return FALSE;
    }
}
