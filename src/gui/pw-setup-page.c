/* pw-setup-page.c — the Setup section of a programme
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * There is no Save button: every change that passes the programme's rules
 * is written at once, each in its own transaction. A change that breaks a
 * rule marks its row with the reason and is not written, so the database
 * keeps the last valid value.
 */
#include "config.h"

#define G_LOG_DOMAIN "pw-setup-page"

#include <glib/gi18n.h>

#include "pw-gui-utils.h"
#include "pw-person-repo.h"
#include "pw-programme-repo.h"
#include "pw-setup-page.h"
#include "pw-window.h"

struct _PwSetupPage
{
  AdwPreferencesPage  parent_instance;

  PwStore            *store;
  PwProgramme        *programme;

  /* Template widgets */
  AdwEntryRow        *topics_row;
  AdwEntryRow        *name_row;
  AdwComboRow        *kind_row;
  AdwEntryRow        *audience_row;
  GtkSpinButton      *demand_spin;
  GtkCheckButton     *purpose_generations_check;
  GtkCheckButton     *purpose_digital_check;
  GtkCheckButton     *purpose_diversity_check;
  GtkCheckButton     *purpose_innovation_check;
  GtkCheckButton     *purpose_retention_check;
  GtkCheckButton     *purpose_culture_check;
  AdwEntryRow        *purpose_other_row;
  GtkListBox         *goals_list;
  GtkWidget          *add_goal_row;
  GtkCheckButton     *scope_current_role_check;
  GtkCheckButton     *scope_career_check;
  GtkCheckButton     *scope_future_goal_check;
  AdwActionRow       *start_row;
  AdwActionRow       *end_row;
  GtkMenuButton      *start_button;
  GtkMenuButton      *end_button;
  GtkCalendar        *start_calendar;  /* built when its popover first opens */
  GtkCalendar        *end_calendar;
  GtkSpinButton      *meetings_spin;
  GtkSpinButton      *minutes_spin;
  GtkSpinButton      *discussions_spin;
  GtkSpinButton      *discussion_minutes_spin;
  GtkSpinButton      *first_contact_spin;
  GtkSwitch          *contact_in_person_switch;
  GtkSwitch          *contact_video_switch;
  GtkSwitch          *contact_phone_switch;
  GtkSwitch          *contact_email_switch;
  GtkTextView        *conduct_view;
  GtkTextView        *confidentiality_view;
  GtkTextView        *concerns_view;
  GtkSpinButton      *protected_hours_spin;
  AdwEntryRow        *recognition_row;
  AdwEntryRow        *peer_support_row;

  guint               loading : 1;
  guint               writing : 1;   /* the page itself is changing the programme */
  guint               folded : 1;    /* the groups below the fold wait for a frame */
};

/* Which widget edits which property of PwProgramme. */
typedef struct
{
  const char *property;
  gsize       offset;
} Field;

typedef struct
{
  const char *property;
  guint       flag;
  gsize       offset;
} FlagField;

#define FIELD_WIDGET(self, offset) (*(GtkWidget **) G_STRUCT_MEMBER_P ((self), (offset)))
#define OFFSET(member) G_STRUCT_OFFSET (PwSetupPage, member)

static const Field entry_fields[] = {
  { "name", OFFSET (name_row) },
  { "target-audience", OFFSET (audience_row) },
  { "purpose-other", OFFSET (purpose_other_row) },
  { "recognition", OFFSET (recognition_row) },
  { "peer-support", OFFSET (peer_support_row) },
};

static const Field spin_fields[] = {
  { "expected-demand", OFFSET (demand_spin) },
  { "meetings-per-month", OFFSET (meetings_spin) },
  { "meeting-minutes", OFFSET (minutes_spin) },
  { "min-discussions", OFFSET (discussions_spin) },
  { "discussion-minutes", OFFSET (discussion_minutes_spin) },
  { "first-contact-days", OFFSET (first_contact_spin) },
  { "protected-hours", OFFSET (protected_hours_spin) },
};

static const Field text_fields[] = {
  { "code-of-conduct", OFFSET (conduct_view) },
  { "confidentiality", OFFSET (confidentiality_view) },
  { "concerns", OFFSET (concerns_view) },
};

static const FlagField flag_fields[] = {
  { "purposes", PW_PURPOSE_BRIDGE_GENERATIONS, OFFSET (purpose_generations_check) },
  { "purposes", PW_PURPOSE_DIGITAL_SKILLS, OFFSET (purpose_digital_check) },
  { "purposes", PW_PURPOSE_DIVERSITY_INCLUSION, OFFSET (purpose_diversity_check) },
  { "purposes", PW_PURPOSE_INNOVATION, OFFSET (purpose_innovation_check) },
  { "purposes", PW_PURPOSE_RETENTION, OFFSET (purpose_retention_check) },
  { "purposes", PW_PURPOSE_CULTURE, OFFSET (purpose_culture_check) },
  { "scope", PW_SCOPE_CURRENT_ROLE, OFFSET (scope_current_role_check) },
  { "scope", PW_SCOPE_CAREER_DEVELOPMENT, OFFSET (scope_career_check) },
  { "scope", PW_SCOPE_FUTURE_GOAL, OFFSET (scope_future_goal_check) },
  { "contact-forms", PW_CONTACT_IN_PERSON, OFFSET (contact_in_person_switch) },
  { "contact-forms", PW_CONTACT_VIDEO, OFFSET (contact_video_switch) },
  { "contact-forms", PW_CONTACT_PHONE, OFFSET (contact_phone_switch) },
  { "contact-forms", PW_CONTACT_EMAIL, OFFSET (contact_email_switch) },
};

G_DEFINE_FINAL_TYPE (PwSetupPage, pw_setup_page, ADW_TYPE_PREFERENCES_PAGE)

enum {
  PROP_0,
  PROP_STORE,
  PROP_PROGRAMME,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
save (PwSetupPage *self)
{
  g_autoptr(GError) error = NULL;

  if (pw_programme_repo_update (self->store, self->programme, &error))
    return;

  if (!pw_widget_add_toast (GTK_WIDGET (self), pw_toast_new_plain (error->message)))
    g_warning ("Cannot save program %" G_GINT64_FORMAT ": %s",
               pw_programme_get_id (self->programme), error->message);
}

/* The spin button's row, which carries the error. */
static GtkWidget *
row_of (GtkWidget *widget)
{
  GtkWidget *row = gtk_widget_get_ancestor (widget, ADW_TYPE_ACTION_ROW);

  return row != NULL ? row : widget;
}

static gboolean
check_int (PwSetupPage  *self,
           const char   *property,
           int           value,
           GError      **error)
{
  GParamSpec *pspec;
  GParamSpecInt *ispec;

  /* The rules the programme itself enforces, with its own words. */
  if (g_str_equal (property, "meetings-per-month"))
    return pw_programme_check_meetings_per_month (value, error);
  if (g_str_equal (property, "meeting-minutes"))
    return pw_programme_check_meeting_minutes (value, error);

  pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (self->programme), property);
  g_assert (G_IS_PARAM_SPEC_INT (pspec));
  ispec = G_PARAM_SPEC_INT (pspec);

  if (value < ispec->minimum || value > ispec->maximum)
    {
      g_set_error (error, PW_PROGRAMME_ERROR, PW_PROGRAMME_ERROR_OUT_OF_RANGE,
                   /* Translators: a field, then its limits and the value */
                   _("%s must be between %d and %d, not %d."),
                   _(g_param_spec_get_nick (pspec)), ispec->minimum, ispec->maximum, value);
      return FALSE;
    }

  return TRUE;
}

static void
entry_changed_cb (PwSetupPage *self,
                  GtkEditable *editable)
{
  const Field *field = g_object_get_data (G_OBJECT (editable), "pw-field");
  const char *text = gtk_editable_get_text (editable);
  g_autoptr(GError) error = NULL;

  if (self->loading)
    return;

  if (g_str_equal (field->property, "name") && !pw_programme_check_name (text, &error))
    {
      pw_widget_show_error (GTK_WIDGET (editable), error->message);
      return;
    }

  pw_widget_show_error (GTK_WIDGET (editable), NULL);
  self->writing = TRUE;
  g_object_set (self->programme, field->property, text, NULL);
  save (self);
  self->writing = FALSE;
}

static void
spin_value_changed_cb (PwSetupPage   *self,
                       GtkSpinButton *spin)
{
  const Field *field = g_object_get_data (G_OBJECT (spin), "pw-field");
  int value = gtk_spin_button_get_value_as_int (spin);
  g_autoptr(GError) error = NULL;

  if (self->loading)
    return;

  if (!check_int (self, field->property, value, &error))
    {
      pw_widget_show_error (row_of (GTK_WIDGET (spin)), error->message);
      gtk_widget_add_css_class (GTK_WIDGET (spin), "error");
      return;
    }

  pw_widget_show_error (row_of (GTK_WIDGET (spin)), NULL);
  gtk_widget_remove_css_class (GTK_WIDGET (spin), "error");
  self->writing = TRUE;
  g_object_set (self->programme, field->property, value, NULL);
  save (self);
  self->writing = FALSE;
}

static void
text_changed_cb (PwSetupPage   *self,
                 GtkTextBuffer *buffer)
{
  const Field *field = g_object_get_data (G_OBJECT (buffer), "pw-field");
  g_autofree char *text = NULL;
  GtkTextIter start, end;

  if (self->loading)
    return;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  self->writing = TRUE;
  g_object_set (self->programme, field->property, text, NULL);
  save (self);
  self->writing = FALSE;
}

static void
flag_toggled_cb (PwSetupPage *self,
                 GParamSpec  *pspec,
                 GtkWidget   *toggle)
{
  const FlagField *field = g_object_get_data (G_OBJECT (toggle), "pw-field");
  gboolean active;
  guint flags;

  if (self->loading)
    return;

  g_object_get (toggle, "active", &active, NULL);
  g_object_get (self->programme, field->property, &flags, NULL);

  if (active)
    flags |= field->flag;
  else
    flags &= ~field->flag;

  self->writing = TRUE;
  g_object_set (self->programme, field->property, flags, NULL);
  save (self);
  self->writing = FALSE;
}

static void
kind_selected_cb (PwSetupPage *self)
{
  guint selected = adw_combo_row_get_selected (self->kind_row);

  if (self->loading || selected == GTK_INVALID_LIST_POSITION)
    return;

  self->writing = TRUE;
  pw_programme_set_kind (self->programme, (PwProgrammeKind) selected);
  save (self);
  self->writing = FALSE;
}

/* Goals */

static void
save_goals (PwSetupPage *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) goals = NULL;

  /* Rows still being written may be empty: they are not goals yet. */
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->goals_list));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      g_autofree char *text = NULL;

      if (!ADW_IS_ENTRY_ROW (child))
        continue;

      text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (child))));
      if (*text != '\0')
        g_strv_builder_add (builder, text);
    }

  goals = g_strv_builder_end (builder);
  self->writing = TRUE;
  pw_programme_set_goals (self->programme, (const char * const *) goals);
  save (self);
  self->writing = FALSE;
}

static void
goal_changed_cb (PwSetupPage *self)
{
  if (!self->loading)
    save_goals (self);
}

static void
remove_goal_clicked_cb (PwSetupPage *self,
                        GtkButton   *button)
{
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (button), ADW_TYPE_ENTRY_ROW);

  gtk_list_box_remove (self->goals_list, row);
  gtk_widget_grab_focus (self->add_goal_row);
  save_goals (self);
}

static GtkWidget *
add_goal (PwSetupPage *self,
          const char  *text)
{
  GtkWidget *row;
  GtkWidget *button;

  row = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Goal"));
  gtk_editable_set_text (GTK_EDITABLE (row), text);

  button = gtk_button_new_from_icon_name ("user-trash-symbolic");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, _("Remove Goal"));
  gtk_widget_add_css_class (button, "flat");
  g_signal_connect_object (button, "clicked", G_CALLBACK (remove_goal_clicked_cb), self, G_CONNECT_SWAPPED);
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), button);

  g_signal_connect_object (row, "changed", G_CALLBACK (goal_changed_cb), self, G_CONNECT_SWAPPED);

  /* New goals go above the "Add Goal" row. */
  gtk_list_box_insert (self->goals_list, row,
                       gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (self->add_goal_row)));

  return row;
}

static void
add_goal_activated (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  PwSetupPage *self = PW_SETUP_PAGE (widget);

  gtk_widget_grab_focus (add_goal (self, ""));
}

/* Topics: the programme's tag list lives beside the setup, in the store. */

static void
load_topics (PwSetupPage *self)
{
  g_auto(GStrv) topics = pw_programme_topics_get (self->store, pw_programme_get_id (self->programme), NULL);
  g_autofree char *text = topics ? g_strjoinv (", ", topics) : g_strdup ("");

  gtk_editable_set_text (GTK_EDITABLE (self->topics_row), text);
}

static void
topics_applied_cb (PwSetupPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) parts = g_strsplit (gtk_editable_get_text (GTK_EDITABLE (self->topics_row)), ",", -1);
  g_auto(GStrv) topics = NULL;

  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_strstrip (parts[i]);
      if (parts[i][0] != '\0')
        g_strv_builder_add (builder, parts[i]);
    }
  topics = g_strv_builder_end (builder);

  if (!pw_programme_topics_set (self->store, pw_programme_get_id (self->programme),
                                (const char * const *)topics, &error))
    {
      pw_widget_show_error (GTK_WIDGET (self->topics_row), error->message);
      return;
    }

  pw_widget_show_error (GTK_WIDGET (self->topics_row), NULL);
  load_topics (self);
}

/* Dates */

static char *
calendar_get_iso_date (GtkCalendar *calendar)
{
  g_autoptr(GDateTime) date = gtk_calendar_get_date (calendar);

  return g_date_time_format (date, "%Y-%m-%d");
}

static void
calendar_set_iso_date (GtkCalendar *calendar,
                       const char  *iso_date)
{
  g_autoptr(GDate) date = pw_date_parse (iso_date);
  g_autoptr(GDateTime) dt = NULL;

  if (date == NULL)
    return;

  dt = g_date_time_new_local (g_date_get_year (date), g_date_get_month (date), g_date_get_day (date),
                              0, 0, 0);
  gtk_calendar_select_day (calendar, dt);
}

static void
update_date_labels (PwSetupPage *self,
                    const char  *start,
                    const char  *end)
{
  g_autofree char *start_label = pw_format_date (start, FALSE);
  g_autofree char *end_label = pw_format_date (end, FALSE);
  g_autofree char *duration = pw_format_duration (start, end);

  gtk_menu_button_set_label (self->start_button, start_label);
  gtk_menu_button_set_label (self->end_button, end_label);

  if (!gtk_widget_has_css_class (GTK_WIDGET (self->end_row), "error"))
    adw_action_row_set_subtitle (self->end_row, duration);
}

static void
date_changed_cb (PwSetupPage *self)
{
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;
  g_autoptr(GError) error = NULL;

  if (self->loading)
    return;

  /* A calendar not opened yet shows the programme's date. */
  start = self->start_calendar != NULL
          ? calendar_get_iso_date (self->start_calendar)
          : g_strdup (pw_programme_get_start_date (self->programme));
  end = self->end_calendar != NULL
        ? calendar_get_iso_date (self->end_calendar)
        : g_strdup (pw_programme_get_end_date (self->programme));

  if (!pw_programme_check_dates (start, end, &error))
    {
      g_autofree char *start_label = pw_format_date (start, FALSE);
      g_autofree char *end_label = pw_format_date (end, FALSE);

      gtk_menu_button_set_label (self->start_button, start_label);
      gtk_menu_button_set_label (self->end_button, end_label);
      pw_widget_show_error (GTK_WIDGET (self->end_row), error->message);
      return;
    }

  pw_widget_show_error (GTK_WIDGET (self->end_row), NULL);
  update_date_labels (self, start, end);

  /* One change notifies day, month and year: write it once. */
  if (g_strcmp0 (start, pw_programme_get_start_date (self->programme)) == 0 &&
      g_strcmp0 (end, pw_programme_get_end_date (self->programme)) == 0)
    return;

  self->writing = TRUE;
  pw_programme_set_start_date (self->programme, start);
  pw_programme_set_end_date (self->programme, end);
  save (self);
  self->writing = FALSE;
}

static void
day_selected_cb (PwSetupPage *self,
                 GtkCalendar *calendar)
{
  /* A day was picked: the popover has done its job. The date itself is
   * written on notify, which also catches a change of month or year alone
   * (GtkCalendar emits ::day-selected only when the day number changes). */
  if (calendar == self->start_calendar)
    gtk_menu_button_popdown (self->start_button);
  else
    gtk_menu_button_popdown (self->end_button);
}

/* A calendar is some 60 widgets: each is built the first time its
 * popover opens, showing the programme's date. */
static void
create_date_popover_cb (GtkMenuButton *button,
                        gpointer       user_data)
{
  PwSetupPage *self = PW_SETUP_PAGE (user_data);
  gboolean start = button == self->start_button;
  GtkCalendar **calendar = start ? &self->start_calendar : &self->end_calendar;
  GtkWidget *popover;
  gboolean was_loading = self->loading;

  if (*calendar != NULL)
    return;

  *calendar = GTK_CALENDAR (gtk_calendar_new ());
  gtk_accessible_update_property (GTK_ACCESSIBLE (*calendar), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  start ? _("Start date") : _("End date"), -1);
  self->loading = TRUE;
  calendar_set_iso_date (*calendar, start ? pw_programme_get_start_date (self->programme)
                                          : pw_programme_get_end_date (self->programme));
  self->loading = was_loading;

  g_signal_connect_object (*calendar, "notify::day", G_CALLBACK (date_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (*calendar, "notify::month", G_CALLBACK (date_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (*calendar, "notify::year", G_CALLBACK (date_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (*calendar, "day-selected", G_CALLBACK (day_selected_cb), self, G_CONNECT_SWAPPED);

  popover = gtk_popover_new ();
  gtk_popover_set_child (GTK_POPOVER (popover), GTK_WIDGET (*calendar));
  gtk_menu_button_set_popover (button, popover);
}

/* Loading */

static gboolean
shows (const char *wanted,
       const char *property)
{
  return wanted == NULL || g_str_equal (wanted, property);
}

/* Puts @property (all of them for %NULL) of the programme in its widgets. */
static void
load_property (PwSetupPage *self,
               const char  *property)
{
  gboolean was_loading = self->loading;

  self->loading = TRUE;

  for (guint i = 0; i < G_N_ELEMENTS (entry_fields); i++)
    {
      GtkWidget *widget = FIELD_WIDGET (self, entry_fields[i].offset);
      g_autofree char *text = NULL;

      if (!shows (property, entry_fields[i].property))
        continue;
      g_object_get (self->programme, entry_fields[i].property, &text, NULL);
      gtk_editable_set_text (GTK_EDITABLE (widget), text ? text : "");
    }

  for (guint i = 0; i < G_N_ELEMENTS (spin_fields); i++)
    {
      GtkWidget *widget = FIELD_WIDGET (self, spin_fields[i].offset);
      int value;

      if (!shows (property, spin_fields[i].property))
        continue;
      g_object_get (self->programme, spin_fields[i].property, &value, NULL);
      gtk_spin_button_set_value (GTK_SPIN_BUTTON (widget), value);
    }

  for (guint i = 0; i < G_N_ELEMENTS (text_fields); i++)
    {
      GtkWidget *widget = FIELD_WIDGET (self, text_fields[i].offset);
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget));
      g_autofree char *text = NULL;

      if (!shows (property, text_fields[i].property))
        continue;
      g_object_get (self->programme, text_fields[i].property, &text, NULL);
      gtk_text_buffer_set_text (buffer, text ? text : "", -1);
    }

  for (guint i = 0; i < G_N_ELEMENTS (flag_fields); i++)
    {
      GtkWidget *widget = FIELD_WIDGET (self, flag_fields[i].offset);
      guint flags;

      if (!shows (property, flag_fields[i].property))
        continue;
      g_object_get (self->programme, flag_fields[i].property, &flags, NULL);
      g_object_set (widget, "active", (flags & flag_fields[i].flag) != 0, NULL);
    }

  if (shows (property, "kind"))
    adw_combo_row_set_selected (self->kind_row, pw_programme_get_kind (self->programme));

  if (shows (property, "goals"))
    {
      const char * const *goals = pw_programme_get_goals (self->programme);
      GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->goals_list));

      while (child != NULL)
        {
          GtkWidget *next = gtk_widget_get_next_sibling (child);

          if (ADW_IS_ENTRY_ROW (child))
            gtk_list_box_remove (self->goals_list, child);
          child = next;
        }
      for (guint i = 0; goals != NULL && goals[i] != NULL; i++)
        add_goal (self, goals[i]);
    }

  if (shows (property, "start-date") || shows (property, "end-date"))
    {
      g_autofree char *start = g_strdup (pw_programme_get_start_date (self->programme));
      g_autofree char *end = g_strdup (pw_programme_get_end_date (self->programme));

      if (self->start_calendar != NULL)
        calendar_set_iso_date (self->start_calendar, start);
      if (self->end_calendar != NULL)
        calendar_set_iso_date (self->end_calendar, end);
      update_date_labels (self, start, end);
    }

  self->loading = was_loading;
}

static void
load (PwSetupPage *self)
{
  self->loading = TRUE;

  load_property (self, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (entry_fields); i++)
    {
      GtkWidget *widget = FIELD_WIDGET (self, entry_fields[i].offset);

      g_object_set_data (G_OBJECT (widget), "pw-field", (gpointer) &entry_fields[i]);
      g_signal_connect_object (widget, "changed", G_CALLBACK (entry_changed_cb), self, G_CONNECT_SWAPPED);
    }

  for (guint i = 0; i < G_N_ELEMENTS (spin_fields); i++)
    {
      GtkWidget *widget = FIELD_WIDGET (self, spin_fields[i].offset);

      g_object_set_data (G_OBJECT (widget), "pw-field", (gpointer) &spin_fields[i]);
      g_signal_connect_object (widget, "value-changed", G_CALLBACK (spin_value_changed_cb), self, G_CONNECT_SWAPPED);
    }

  for (guint i = 0; i < G_N_ELEMENTS (text_fields); i++)
    {
      GtkWidget *widget = FIELD_WIDGET (self, text_fields[i].offset);
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget));

      g_object_set_data (G_OBJECT (buffer), "pw-field", (gpointer) &text_fields[i]);
      g_signal_connect_object (buffer, "changed", G_CALLBACK (text_changed_cb), self, G_CONNECT_SWAPPED);
    }

  for (guint i = 0; i < G_N_ELEMENTS (flag_fields); i++)
    {
      GtkWidget *widget = FIELD_WIDGET (self, flag_fields[i].offset);

      g_object_set_data (G_OBJECT (widget), "pw-field", (gpointer) &flag_fields[i]);
      g_signal_connect_object (widget, "notify::active", G_CALLBACK (flag_toggled_cb), self, G_CONNECT_SWAPPED);
    }

  g_signal_connect_object (self->kind_row, "notify::selected", G_CALLBACK (kind_selected_cb), self, G_CONNECT_SWAPPED);

  load_topics (self);
  self->loading = FALSE;
}

/* The workshop window edits the same programme: follow what it changes,
 * but not the page's own writes, which its widgets already show. */
static void
programme_notify_cb (PwSetupPage *self,
                     GParamSpec  *pspec)
{
  if (self->loading || self->writing)
    return;

  load_property (self, pspec->name);
}

/* The groups after the purposes: below the fold of a window of the
 * default size. */
static GtkWidget *
first_folded_group (PwSetupPage *self)
{
  GtkWidget *group = gtk_widget_get_ancestor (GTK_WIDGET (self->purpose_other_row),
                                              ADW_TYPE_PREFERENCES_GROUP);

  g_assert (group != NULL);
  return gtk_widget_get_next_sibling (group);
}

static void
unfold (PwSetupPage *self)
{
  if (!self->folded)
    return;

  self->folded = FALSE;
  for (GtkWidget *group = first_folded_group (self); group != NULL; group = gtk_widget_get_next_sibling (group))
    gtk_widget_set_visible (group, TRUE);
}

static void
unfold_after_frame_cb (GtkWidget *widget,
                       gpointer   user_data)
{
  unfold (PW_SETUP_PAGE (widget));
}

static void
pw_setup_page_constructed (GObject *object)
{
  PwSetupPage *self = PW_SETUP_PAGE (object);

  G_OBJECT_CLASS (pw_setup_page_parent_class)->constructed (object);

  g_assert (PW_IS_STORE (self->store));
  g_assert (PW_IS_PROGRAMME (self->programme));

  load (self);
  g_signal_connect_object (self->programme, "notify", G_CALLBACK (programme_notify_cb), self, G_CONNECT_SWAPPED);
}

static void
pw_setup_page_dispose (GObject *object)
{
  PwSetupPage *self = PW_SETUP_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), PW_TYPE_SETUP_PAGE);
  g_clear_object (&self->programme);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (pw_setup_page_parent_class)->dispose (object);
}

static void
pw_setup_page_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  PwSetupPage *self = PW_SETUP_PAGE (object);

  if (!pw_section_get_property (pspec, value, self->store, self->programme))
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
pw_setup_page_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  PwSetupPage *self = PW_SETUP_PAGE (object);

  if (!pw_section_set_property (pspec, value, &self->store, &self->programme))
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
pw_setup_page_class_init (PwSetupPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = pw_setup_page_constructed;
  object_class->dispose = pw_setup_page_dispose;
  object_class->get_property = pw_setup_page_get_property;
  object_class->set_property = pw_setup_page_set_property;

  properties [PROP_STORE] = pw_param_spec_store ();
  properties [PROP_PROGRAMME] = pw_param_spec_programme ();

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/pw-setup-page.ui");
  gtk_widget_class_bind_template_child (widget_class, PwSetupPage, name_row);
  gtk_widget_class_bind_template_child (widget_class, PwSetupPage, kind_row);
  gtk_widget_class_bind_template_child (widget_class, PwSetupPage, audience_row);
  gtk_widget_class_bind_template_child (widget_class, PwSetupPage, demand_spin);
  gtk_widget_class_bind_template_child (widget_class, PwSetupPage, purpose_generations_check);
  gtk_widget_class_bind_template_child (widget_class, PwSetupPage, purpose_digital_check);
  gtk_widget_class_bind_template_child (widget_class, PwSetupPage, purpose_diversity_check);
  gtk_widget_class_bind_template_child (widget_class, PwSetupPage, purpose_innovation_check);
  gtk_widget_class_bind_template_child (widget_class, PwSetupPage, purpose_retention_check);
  gtk_widget_class_bind_template_child (widget_class, PwSetupPage, purpose_culture_check);
  gtk_widget_class_bind_template_child (widget_class, PwSetupPage, purpose_other_row);
  gtk_widget_class_bind_template_child (widget_class, PwSetupPage, goals_list);
  gtk_widget_class_bind_template_child (widget_class, PwSetupPage, topics_row);
  gtk_widget_class_bind_template_child (widget_class, PwSetupPage, add_goal_row);
  gtk_widget_class_bind_template_child (widget_class, PwSetupPage, scope_current_role_check);
  gtk_widget_class_bind_template_child (widget_class, PwSetupPage, scope_career_check);
  gtk_widget_class_bind_template_child (widget_class, PwSetupPage, scope_future_goal_check);
  gtk_widget_class_bind_template_child (widget_class, PwSetupPage, start_row);
  gtk_widget_class_bind_template_child (widget_class, PwSetupPage, end_row);
  gtk_widget_class_bind_template_child (widget_class, PwSetupPage, start_button);
  gtk_widget_class_bind_template_child (widget_class, PwSetupPage, end_button);
  gtk_widget_class_bind_template_child (widget_class, PwSetupPage, meetings_spin);
  gtk_widget_class_bind_template_child (widget_class, PwSetupPage, minutes_spin);
  gtk_widget_class_bind_template_child (widget_class, PwSetupPage, discussions_spin);
  gtk_widget_class_bind_template_child (widget_class, PwSetupPage, discussion_minutes_spin);
  gtk_widget_class_bind_template_child (widget_class, PwSetupPage, first_contact_spin);
  gtk_widget_class_bind_template_child (widget_class, PwSetupPage, contact_in_person_switch);
  gtk_widget_class_bind_template_child (widget_class, PwSetupPage, contact_video_switch);
  gtk_widget_class_bind_template_child (widget_class, PwSetupPage, contact_phone_switch);
  gtk_widget_class_bind_template_child (widget_class, PwSetupPage, contact_email_switch);
  gtk_widget_class_bind_template_child (widget_class, PwSetupPage, conduct_view);
  gtk_widget_class_bind_template_child (widget_class, PwSetupPage, confidentiality_view);
  gtk_widget_class_bind_template_child (widget_class, PwSetupPage, concerns_view);
  gtk_widget_class_bind_template_child (widget_class, PwSetupPage, protected_hours_spin);
  gtk_widget_class_bind_template_child (widget_class, PwSetupPage, recognition_row);
  gtk_widget_class_bind_template_child (widget_class, PwSetupPage, peer_support_row);

  gtk_widget_class_install_action (widget_class, "setup.add-goal", NULL, add_goal_activated);
}

static void
pw_setup_page_init (PwSetupPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect_object (self->topics_row, "apply", G_CALLBACK (topics_applied_cb), self, G_CONNECT_SWAPPED);
  gtk_menu_button_set_create_popup_func (self->start_button, create_date_popover_cb, self, NULL);
  gtk_menu_button_set_create_popup_func (self->end_button, create_date_popover_cb, self, NULL);

  /* The first frame shows the top of the form: the rest, most of its
   * widgets, is measured and drawn from the next one, so that reopening a
   * programme at start-up is not slower than opening the start page. */
  self->folded = TRUE;
  for (GtkWidget *group = first_folded_group (self); group != NULL; group = gtk_widget_get_next_sibling (group))
    gtk_widget_set_visible (group, FALSE);
  pw_widget_after_frame (GTK_WIDGET (self), unfold_after_frame_cb, NULL, NULL);
}

GtkWidget *
pw_setup_page_new (PwStore     *store,
                   PwProgramme *programme)
{
  g_return_val_if_fail (PW_IS_STORE (store), NULL);
  g_return_val_if_fail (PW_IS_PROGRAMME (programme), NULL);

  return g_object_new (PW_TYPE_SETUP_PAGE,
                       "store", store,
                       "programme", programme,
                       NULL);
}

PwProgramme *
pw_setup_page_get_programme (PwSetupPage *self)
{
  g_return_val_if_fail (PW_IS_SETUP_PAGE (self), NULL);

  return self->programme;
}

/**
 * pw_setup_page_focus_name:
 *
 * Puts the cursor in the name with all of it selected.
 */
void
pw_setup_page_focus_name (PwSetupPage *self)
{
  g_return_if_fail (PW_IS_SETUP_PAGE (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
  gtk_editable_select_region (GTK_EDITABLE (self->name_row), 0, -1);
}
