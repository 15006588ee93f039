/* pw-meeting-editor.c — one meeting: when, where, the agenda and the log
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A dialog with Save rather than saving as one types: moving a meeting
 * tells both people of a new time, so the coordinator sees what the move
 * means (outside the program's dates, a weekend or closure day) before it
 * is written. Those warnings are the core's own: the move is tried in a
 * transaction that is then rolled back. Save writes the move, the details
 * and the log in one transaction.
 */
#include "config.h"

#define G_LOG_DOMAIN "pw-meeting-editor"

#include <glib/gi18n.h>

#include "pw-gui-utils.h"
#include "pw-meeting-editor.h"
#include "pw-schedule.h"

struct _PwMeetingEditor
{
  AdwWindow       parent_instance;

  PwStore        *store;
  PwProgramme    *programme;
  PwMeeting      *meeting;       /* as stored; NULL when adding */
  gint64          pair_id;       /* the pair of a new meeting */
  GTimeZone      *tz;
  GArray         *pair_ids;      /* gint64, the rows of pair_row */
  GArray         *forms;         /* PwContactForm, the rows of form_row */
  char           *warning;

  /* Template widgets */
  GtkLabel       *title_label;
  GtkWidget      *save_button;
  AdwPreferencesGroup *warning_group;
  GtkLabel       *warning_label;
  AdwPreferencesGroup *pair_group;
  AdwComboRow    *pair_row;
  AdwActionRow   *date_row;
  GtkMenuButton  *date_button;
  GtkPopover     *date_popover;
  GtkCalendar    *calendar;
  GtkSpinButton  *hour_spin;
  GtkSpinButton  *minute_spin;
  GtkSpinButton  *length_spin;
  AdwComboRow    *form_row;
  AdwEntryRow    *place_row;
  AdwEntryRow    *link_row;
  GtkTextView    *agenda_view;
  AdwPreferencesGroup *log_group;
  AdwComboRow    *status_row;
  AdwActionRow   *held_row;
  GtkSpinButton  *held_spin;
  AdwPreferencesGroup *cancel_group;
};

G_DEFINE_FINAL_TYPE (PwMeetingEditor, pw_meeting_editor, ADW_TYPE_WINDOW)

enum {
  SAVED,
  MEETING_CANCELLED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

static const PwContactForm all_forms[] = {
  PW_CONTACT_IN_PERSON, PW_CONTACT_VIDEO, PW_CONTACT_PHONE, PW_CONTACT_EMAIL,
};

/* Helpers */

static const char *
form_label (PwContactForm form)
{
  switch (form)
    {
    case PW_CONTACT_IN_PERSON: return _("In person");
    case PW_CONTACT_VIDEO:     return _("Video call");
    case PW_CONTACT_PHONE:     return _("Phone");
    case PW_CONTACT_EMAIL:     return _("Email");
    case PW_CONTACT_NONE:
    default:                   return _("Not set");
    }
}

static void
show_error (PwMeetingEditor *self,
            const char      *message)
{
  AdwMessageDialog *dialog;

  /* The body is plain text: the message may carry names. */
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("Cannot Save the Meeting"), message));
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The start chosen in the widgets, in the programme's zone. */
static GDateTime *
chosen_start (PwMeetingEditor *self)
{
  g_autoptr(GDateTime) day = gtk_calendar_get_date (self->calendar);

  return g_date_time_new (self->tz,
                          g_date_time_get_year (day),
                          g_date_time_get_month (day),
                          g_date_time_get_day_of_month (day),
                          gtk_spin_button_get_value_as_int (self->hour_spin),
                          gtk_spin_button_get_value_as_int (self->minute_spin),
                          0);
}

static gint64
chosen_pair (PwMeetingEditor *self)
{
  guint selected;

  if (self->meeting != NULL)
    return pw_meeting_get_pair_id (self->meeting);

  selected = adw_combo_row_get_selected (self->pair_row);
  if (selected == GTK_INVALID_LIST_POSITION || selected >= self->pair_ids->len)
    return 0;

  return g_array_index (self->pair_ids, gint64, selected);
}

static PwContactForm
chosen_form (PwMeetingEditor *self)
{
  guint selected = adw_combo_row_get_selected (self->form_row);

  if (selected == GTK_INVALID_LIST_POSITION || selected >= self->forms->len)
    return PW_CONTACT_NONE;

  return g_array_index (self->forms, PwContactForm, selected);
}

static char *
agenda_text (PwMeetingEditor *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->agenda_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static PwMeetingStatus
chosen_status (PwMeetingEditor *self)
{
  guint selected = adw_combo_row_get_selected (self->status_row);

  return selected <= PW_MEETING_CANCELLED ? (PwMeetingStatus) selected : PW_MEETING_PLANNED;
}

static void
update_date_label (PwMeetingEditor *self)
{
  g_autoptr(GDateTime) day = gtk_calendar_get_date (self->calendar);
  /* Translators: the meeting's date on its button, see strftime(3) */
  g_autofree char *text = g_date_time_format (day, _("%a, %b %-e, %Y"));

  gtk_menu_button_set_label (self->date_button, text);
}

/* Tries the move (or the addition) and rolls it back, to word the core's
 * warnings for a date not yet saved. */
static void
update_warning (PwMeetingEditor *self)
{
  g_autoptr(GDateTime) start = chosen_start (self);
  g_autoptr(GPtrArray) warnings = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  gboolean ok;

  if (pw_store_in_transaction (self->store) || !pw_store_begin (self->store, NULL))
    return;

  if (self->meeting != NULL)
    ok = pw_schedule_move (self->store, pw_meeting_get_id (self->meeting), start, &warnings, NULL);
  else
    {
      g_autoptr(PwMeeting) trial = pw_meeting_new (PW_MEETING_REGULAR, start,
                                                   gtk_spin_button_get_value_as_int (self->length_spin));

      pw_meeting_set_pair_id (trial, chosen_pair (self));
      ok = chosen_pair (self) != 0 &&
           pw_schedule_add (self->store, pw_programme_get_id (self->programme), trial, &warnings, NULL);
    }
  pw_store_rollback (self->store);

  for (guint i = 0; ok && warnings != NULL && i < warnings->len; i++)
    {
      PwScheduleWarning *w = g_ptr_array_index (warnings, i);

      if (text->len > 0)
        g_string_append_c (text, '\n');

      switch (w->code)
        {
        case PW_SCHEDULE_WARNING_OUTSIDE_PROGRAMME:
          {
            g_autofree char *range = pw_format_date_range (pw_programme_get_start_date (self->programme),
                                                           pw_programme_get_end_date (self->programme));

            g_string_append_printf (text, _("This date is outside the program’s dates (%s). "
                                            "You can still save it, if that is meant."),
                                    range);
          }
          break;

        case PW_SCHEDULE_WARNING_NOT_WORKING_DAY:
          g_string_append (text, _("This date is a weekend or one of the program’s closure days. "
                                   "You can still save it, if that is meant."));
          break;

        case PW_SCHEDULE_WARNING_TARGET_UNREACHABLE:
        case PW_SCHEDULE_WARNING_NOTHING_TO_PLAN:
        default:
          g_string_append (text, w->message);
          break;
        }
    }

  g_clear_pointer (&self->warning, g_free);
  if (text->len > 0)
    self->warning = g_strdup (text->str);

  gtk_label_set_label (self->warning_label, self->warning ? self->warning : "");
  gtk_widget_set_visible (GTK_WIDGET (self->warning_group), self->warning != NULL);
  if (self->warning != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (self->date_row),
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, self->warning,
                                    -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (self->date_row),
                                   GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
}

static void
update_log_rows (PwMeetingEditor *self)
{
  PwMeetingStatus status = chosen_status (self);

  gtk_widget_set_visible (GTK_WIDGET (self->held_row), status == PW_MEETING_HELD);
}

/* Signal callbacks */

static void
date_changed_cb (PwMeetingEditor *self)
{
  update_date_label (self);
  update_warning (self);
}

static void
day_selected_cb (PwMeetingEditor *self)
{
  date_changed_cb (self);
  gtk_popover_popdown (self->date_popover);
}

static gboolean
spin_output_cb (GtkSpinButton *spin)
{
  g_autofree char *text = g_strdup_printf ("%02d", gtk_spin_button_get_value_as_int (spin));

  /* Two digits, as a clock shows them. */
  gtk_editable_set_text (GTK_EDITABLE (spin), text);
  return TRUE;
}

static void
status_changed_cb (PwMeetingEditor *self)
{
  update_log_rows (self);
}

/* Actions */

static void
save_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  PwMeetingEditor *self = PW_MEETING_EDITOR (widget);

  if (pw_meeting_editor_save (self))
    gtk_window_destroy (GTK_WINDOW (self));
}

static void
cancel_meeting_activated (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  PwMeetingEditor *self = PW_MEETING_EDITOR (widget);
  g_autoptr(GError) error = NULL;
  PwMeetingStatus previous;
  int held;

  if (self->meeting == NULL)
    return;

  previous = pw_meeting_get_status (self->meeting);
  held = pw_meeting_get_held_minutes (self->meeting);
  if (!pw_schedule_log (self->store, pw_meeting_get_id (self->meeting), PW_MEETING_CANCELLED, 0, &error))
    {
      show_error (self, error->message);
      return;
    }

  g_signal_emit (self, signals [MEETING_CANCELLED], 0,
                 pw_meeting_get_id (self->meeting), (int) previous, held);
  gtk_window_destroy (GTK_WINDOW (self));
}

/* Filling in */

static void
fill_pairs (PwMeetingEditor *self)
{
  g_autoptr(GListModel) progress = NULL;
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  guint select = 0;
  guint n;

  progress = pw_schedule_progress_list (self->store, pw_programme_get_id (self->programme), NULL, NULL);
  n = progress ? g_list_model_get_n_items (progress) : 0;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PwPairProgress) item = g_list_model_get_item (progress, i);
      gint64 id = pw_pair_progress_get_pair_id (item);

      if (id == self->pair_id)
        select = i;
      g_array_append_val (self->pair_ids, id);
      gtk_string_list_append (names, pw_pair_progress_get_who (item));
    }

  adw_combo_row_set_model (self->pair_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->pair_row, select);
}

static void
fill_forms (PwMeetingEditor *self,
            PwContactForm    current)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  PwContactForm allowed = pw_programme_get_contact_forms (self->programme);
  PwContactForm none = PW_CONTACT_NONE;
  guint select = 0;

  g_array_append_val (self->forms, none);
  gtk_string_list_append (labels, form_label (PW_CONTACT_NONE));

  for (guint i = 0; i < G_N_ELEMENTS (all_forms); i++)
    {
      /* Only the programme's forms, and the meeting's own even if the
       * programme has since stopped allowing it. */
      if ((allowed & all_forms[i]) == 0 && current != all_forms[i])
        continue;
      if (current == all_forms[i])
        select = self->forms->len;
      g_array_append_val (self->forms, all_forms[i]);
      gtk_string_list_append (labels, form_label (all_forms[i]));
    }

  adw_combo_row_set_model (self->form_row, G_LIST_MODEL (labels));
  adw_combo_row_set_selected (self->form_row, select);
}

static void
fill (PwMeetingEditor *self)
{
  g_autoptr(GDateTime) start = NULL;
  PwMeeting *m = self->meeting;

  self->tz = pw_schedule_get_timezone (self->store, pw_programme_get_id (self->programme));

  if (m != NULL)
    {
      g_autofree char *title = pw_meeting_dup_title (m);
      gboolean session = pw_meeting_get_pair_id (m) == 0;

      gtk_label_set_label (self->title_label, title);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->title_label), title);
      gtk_window_set_title (GTK_WINDOW (self), title);
      start = g_date_time_ref (pw_meeting_get_start (m));

      gtk_spin_button_set_value (self->length_spin, pw_meeting_get_minutes (m));
      fill_forms (self, pw_meeting_get_contact_form (m));
      gtk_editable_set_text (GTK_EDITABLE (self->place_row), pw_meeting_get_place (m));
      gtk_editable_set_text (GTK_EDITABLE (self->link_row), pw_meeting_get_link (m));
      gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->agenda_view), pw_meeting_get_agenda (m), -1);

      adw_combo_row_set_selected (self->status_row, pw_meeting_get_status (m));
      gtk_spin_button_set_value (self->held_spin,
                                 pw_meeting_get_held_minutes (m) > 0 ? pw_meeting_get_held_minutes (m)
                                                                     : pw_meeting_get_minutes (m));
      /* The programme's sessions are not logged; a pair's first contact is
       * (held means made). */
      gtk_widget_set_visible (GTK_WIDGET (self->log_group), !session);
      gtk_widget_set_visible (GTK_WIDGET (self->cancel_group),
                              pw_meeting_get_status (m) != PW_MEETING_CANCELLED);
    }
  else
    {
      g_autoptr(GDateTime) now = g_date_time_new_now (self->tz);
      g_autoptr(GDateTime) tomorrow = g_date_time_add_days (now, 1);

      gtk_label_set_label (self->title_label, _("New Meeting"));
      gtk_window_set_title (GTK_WINDOW (self), _("New Meeting"));
      start = g_date_time_new (self->tz,
                               g_date_time_get_year (tomorrow), g_date_time_get_month (tomorrow),
                               g_date_time_get_day_of_month (tomorrow), 10, 0, 0);

      gtk_spin_button_set_value (self->length_spin, pw_programme_get_meeting_minutes (self->programme));
      fill_forms (self, PW_CONTACT_NONE);
      fill_pairs (self);
      gtk_widget_set_visible (GTK_WIDGET (self->pair_group), TRUE);
      gtk_widget_set_visible (GTK_WIDGET (self->log_group), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->cancel_group), FALSE);
      gtk_button_set_label (GTK_BUTTON (self->save_button), _("_Add"));
    }

  gtk_calendar_select_day (self->calendar, start);
  gtk_spin_button_set_value (self->hour_spin, g_date_time_get_hour (start));
  gtk_spin_button_set_value (self->minute_spin, g_date_time_get_minute (start));
  update_date_label (self);
  update_log_rows (self);
  update_warning (self);

  g_signal_connect_object (self->calendar, "day-selected", G_CALLBACK (day_selected_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->calendar, "notify::year", G_CALLBACK (date_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->calendar, "notify::month", G_CALLBACK (date_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->hour_spin, "value-changed", G_CALLBACK (update_warning), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->minute_spin, "value-changed", G_CALLBACK (update_warning), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->pair_row, "notify::selected", G_CALLBACK (update_warning), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->status_row, "notify::selected", G_CALLBACK (status_changed_cb), self, G_CONNECT_SWAPPED);
}

/* Overrides */

static void
pw_meeting_editor_dispose (GObject *object)
{
  PwMeetingEditor *self = PW_MEETING_EDITOR (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), PW_TYPE_MEETING_EDITOR);
  g_clear_object (&self->meeting);
  g_clear_object (&self->programme);
  g_clear_object (&self->store);
  g_clear_pointer (&self->tz, g_time_zone_unref);
  g_clear_pointer (&self->pair_ids, g_array_unref);
  g_clear_pointer (&self->forms, g_array_unref);
  g_clear_pointer (&self->warning, g_free);

  G_OBJECT_CLASS (pw_meeting_editor_parent_class)->dispose (object);
}

static void
pw_meeting_editor_class_init (PwMeetingEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pw_meeting_editor_dispose;

  /**
   * PwMeetingEditor::saved:
   * @meeting_id: the meeting written
   *
   * The meeting was saved (or added) and the editor is about to close.
   */
  signals [SAVED] =
    g_signal_new ("saved",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT64);

  /**
   * PwMeetingEditor::meeting-cancelled:
   * @meeting_id: the meeting
   * @previous_status: its PwMeetingStatus before, for Undo
   * @held_minutes: its real length before, for Undo
   */
  signals [MEETING_CANCELLED] =
    g_signal_new ("meeting-cancelled",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 3, G_TYPE_INT64, G_TYPE_INT, G_TYPE_INT);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/pw-meeting-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, PwMeetingEditor, title_label);
  gtk_widget_class_bind_template_child (widget_class, PwMeetingEditor, save_button);
  gtk_widget_class_bind_template_child (widget_class, PwMeetingEditor, warning_group);
  gtk_widget_class_bind_template_child (widget_class, PwMeetingEditor, warning_label);
  gtk_widget_class_bind_template_child (widget_class, PwMeetingEditor, pair_group);
  gtk_widget_class_bind_template_child (widget_class, PwMeetingEditor, pair_row);
  gtk_widget_class_bind_template_child (widget_class, PwMeetingEditor, date_row);
  gtk_widget_class_bind_template_child (widget_class, PwMeetingEditor, date_button);
  gtk_widget_class_bind_template_child (widget_class, PwMeetingEditor, date_popover);
  gtk_widget_class_bind_template_child (widget_class, PwMeetingEditor, calendar);
  gtk_widget_class_bind_template_child (widget_class, PwMeetingEditor, hour_spin);
  gtk_widget_class_bind_template_child (widget_class, PwMeetingEditor, minute_spin);
  gtk_widget_class_bind_template_child (widget_class, PwMeetingEditor, length_spin);
  gtk_widget_class_bind_template_child (widget_class, PwMeetingEditor, form_row);
  gtk_widget_class_bind_template_child (widget_class, PwMeetingEditor, place_row);
  gtk_widget_class_bind_template_child (widget_class, PwMeetingEditor, link_row);
  gtk_widget_class_bind_template_child (widget_class, PwMeetingEditor, agenda_view);
  gtk_widget_class_bind_template_child (widget_class, PwMeetingEditor, log_group);
  gtk_widget_class_bind_template_child (widget_class, PwMeetingEditor, status_row);
  gtk_widget_class_bind_template_child (widget_class, PwMeetingEditor, held_row);
  gtk_widget_class_bind_template_child (widget_class, PwMeetingEditor, held_spin);
  gtk_widget_class_bind_template_child (widget_class, PwMeetingEditor, cancel_group);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_activated);
  gtk_widget_class_install_action (widget_class, "editor.cancel-meeting", NULL, cancel_meeting_activated);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "editor.save", NULL);
}

static void
pw_meeting_editor_init (PwMeetingEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->pair_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->forms = g_array_new (FALSE, FALSE, sizeof (PwContactForm));

  g_signal_connect (self->hour_spin, "output", G_CALLBACK (spin_output_cb), NULL);
  g_signal_connect (self->minute_spin, "output", G_CALLBACK (spin_output_cb), NULL);
}

/* Public API */

PwMeetingEditor *
pw_meeting_editor_new (PwStore     *store,
                       PwProgramme *programme,
                       PwMeeting   *meeting,
                       gint64       pair_id)
{
  PwMeetingEditor *self;

  g_return_val_if_fail (PW_IS_STORE (store), NULL);
  g_return_val_if_fail (PW_IS_PROGRAMME (programme), NULL);
  g_return_val_if_fail (meeting == NULL || PW_IS_MEETING (meeting), NULL);

  self = g_object_new (PW_TYPE_MEETING_EDITOR, NULL);
  self->store = g_object_ref (store);
  self->programme = g_object_ref (programme);
  self->meeting = meeting ? g_object_ref (meeting) : NULL;
  self->pair_id = pair_id;
  fill (self);

  return self;
}

const char *
pw_meeting_editor_get_warning (PwMeetingEditor *self)
{
  g_return_val_if_fail (PW_IS_MEETING_EDITOR (self), NULL);

  return self->warning;
}

static gboolean
save_in_transaction (PwMeetingEditor  *self,
                     gint64           *id,
                     GError          **error)
{
  g_autoptr(GDateTime) start = chosen_start (self);
  g_autofree char *agenda = agenda_text (self);
  int minutes = gtk_spin_button_get_value_as_int (self->length_spin);

  if (self->meeting == NULL)
    {
      g_autoptr(PwMeeting) meeting = pw_meeting_new (PW_MEETING_REGULAR, start, minutes);
      gint64 pair = chosen_pair (self);

      if (pair == 0)
        {
          g_set_error_literal (error, PW_SCHEDULE_ERROR, PW_SCHEDULE_ERROR_INVALID,
                               _("Choose the pair the meeting is for."));
          return FALSE;
        }

      pw_meeting_set_pair_id (meeting, pair);
      pw_meeting_set_contact_form (meeting, chosen_form (self));
      pw_meeting_set_place (meeting, gtk_editable_get_text (GTK_EDITABLE (self->place_row)));
      pw_meeting_set_link (meeting, gtk_editable_get_text (GTK_EDITABLE (self->link_row)));
      pw_meeting_set_agenda (meeting, agenda);
      if (!pw_schedule_add (self->store, pw_programme_get_id (self->programme), meeting, NULL, error))
        return FALSE;

      *id = pw_meeting_get_id (meeting);
      return TRUE;
    }
  else
    {
      g_autoptr(PwMeeting) stored = NULL;
      PwMeetingStatus status = chosen_status (self);
      gint64 meeting_id = pw_meeting_get_id (self->meeting);

      *id = meeting_id;
      if (!g_date_time_equal (start, pw_meeting_get_start (self->meeting)) &&
          !pw_schedule_move (self->store, meeting_id, start, NULL, error))
        return FALSE;

      /* The details on a fresh copy: the move above changed the stored one. */
      stored = pw_schedule_get (self->store, meeting_id, error);
      if (stored == NULL)
        return FALSE;
      pw_meeting_set_minutes (stored, minutes);
      pw_meeting_set_contact_form (stored, chosen_form (self));
      pw_meeting_set_place (stored, gtk_editable_get_text (GTK_EDITABLE (self->place_row)));
      pw_meeting_set_link (stored, gtk_editable_get_text (GTK_EDITABLE (self->link_row)));
      pw_meeting_set_agenda (stored, agenda);
      if (!pw_schedule_update (self->store, stored, error))
        return FALSE;

      if (gtk_widget_get_visible (GTK_WIDGET (self->log_group)) &&
          (status != pw_meeting_get_status (self->meeting) ||
           (status == PW_MEETING_HELD &&
            gtk_spin_button_get_value_as_int (self->held_spin) != pw_meeting_get_held_minutes (self->meeting))))
        return pw_schedule_log (self->store, meeting_id, status,
                                gtk_spin_button_get_value_as_int (self->held_spin), error);

      return TRUE;
    }
}

gboolean
pw_meeting_editor_save (PwMeetingEditor *self)
{
  g_autoptr(GError) error = NULL;
  gint64 id = 0;

  g_return_val_if_fail (PW_IS_MEETING_EDITOR (self), FALSE);

  /* One user action, one transaction: the core joins it. */
  if (!pw_store_begin (self->store, &error))
    {
      show_error (self, error->message);
      return FALSE;
    }

  if (!save_in_transaction (self, &id, &error))
    {
      pw_store_rollback (self->store);
      show_error (self, error->message);
      return FALSE;
    }

  if (!pw_store_commit (self->store, &error))
    {
      show_error (self, error->message);
      return FALSE;
    }

  pw_store_emit_changed (self->store, "meeting");
  g_signal_emit (self, signals [SAVED], 0, id);
  return TRUE;
}
