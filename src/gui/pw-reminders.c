/* pw-reminders.c — notifications of overdue first contacts and meetings
 * about to start, while the app runs
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One per open programme, owned by its Schedule page. Each notification
 * has an id that names what it is about, and is sent once: a first contact
 * once per pair, a meeting once per start time (moving it announces it
 * again). Clicking one opens the programme through "app.show-programme",
 * which the first reminders add to the application.
 */
#include "config.h"

#define G_LOG_DOMAIN "pw-reminders"

#include <glib/gi18n.h>

#include "pw-gui-utils.h"
#include "pw-reminders.h"
#include "pw-schedule.h"
#include "pw-window.h"

#define CHECK_SECONDS 60
#define SHOW_ACTION "show-programme"

struct _PwReminders
{
  GObject     parent_instance;

  PwStore    *store;
  gint64      programme_id;
  GDateTime  *now;      /* for tests; NULL: the clock */
  GHashTable *sent;     /* notification ids */
  guint       timeout_id;
};

G_DEFINE_FINAL_TYPE (PwReminders, pw_reminders, G_TYPE_OBJECT)

/* Helpers */

static void
show_programme_activated (GSimpleAction *action,
                          GVariant      *parameter,
                          gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  GtkWindow *window = gtk_application_get_active_window (app);

  if (!PW_IS_WINDOW (window))
    return;

  pw_window_open_programme (PW_WINDOW (window), g_variant_get_int64 (parameter));
  gtk_window_present (window);
}

static void
ensure_show_action (GApplication *app)
{
  g_autoptr(GSimpleAction) action = NULL;

  if (g_action_map_lookup_action (G_ACTION_MAP (app), SHOW_ACTION) != NULL)
    return;

  action = g_simple_action_new (SHOW_ACTION, G_VARIANT_TYPE_INT64);
  g_signal_connect_object (action, "activate", G_CALLBACK (show_programme_activated), app, 0);
  g_action_map_add_action (G_ACTION_MAP (app), G_ACTION (action));
}

/* Records @id and sends the notification if an application runs. */
static gboolean
send (PwReminders *self,
      const char  *id,
      const char  *title,
      const char  *body)
{
  GApplication *app = g_application_get_default ();
  g_autoptr(GNotification) notification = NULL;

  if (g_hash_table_contains (self->sent, id))
    return FALSE;
  g_hash_table_add (self->sent, g_strdup (id));

  if (app == NULL || !GTK_IS_APPLICATION (app) || !g_application_get_is_registered (app))
    return TRUE;

  ensure_show_action (app);
  notification = g_notification_new (title);
  g_notification_set_body (notification, body);
  g_notification_set_default_action_and_target (notification, "app." SHOW_ACTION,
                                                 "x", self->programme_id);
  g_application_send_notification (app, id, notification);
  return TRUE;
}

static guint
check_first_contacts (PwReminders *self,
                      GDateTime   *now)
{
  g_autoptr(GListModel) attention = NULL;
  guint sent = 0;
  guint n;

  attention = pw_schedule_attention (self->store, self->programme_id, now, NULL);
  n = attention ? g_list_model_get_n_items (attention) : 0;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PwPairProgress) progress = g_list_model_get_item (attention, i);
      g_autofree char *id = NULL;
      g_autofree char *body = NULL;
      g_autofree char *due = NULL;

      if ((pw_pair_progress_get_attention (progress) & PW_ATTENTION_FIRST_CONTACT_MISSED) == 0)
        continue;

      id = g_strdup_printf ("pw-first-contact-%" G_GINT64_FORMAT, pw_pair_progress_get_pair_id (progress));
      /* Translators: a notification's body; the pair, then when it was due */
      due = pw_format_date (pw_pair_progress_get_first_contact_due (progress), TRUE);
      body = g_strdup_printf (_("%s: the mentor’s first contact was due on %s."),
                              pw_pair_progress_get_who (progress), due);
      if (send (self, id, _("First Contact Overdue"), body))
        sent++;
    }

  return sent;
}

static guint
check_meetings (PwReminders *self,
                GDateTime   *now)
{
  g_autoptr(GListModel) meetings = NULL;
  g_autoptr(GDateTime) soon = g_date_time_add_minutes (now, PW_REMINDERS_LEAD_MINUTES);
  guint sent = 0;
  guint n;

  meetings = pw_schedule_list (self->store, self->programme_id, 0, NULL);
  n = meetings ? g_list_model_get_n_items (meetings) : 0;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PwMeeting) meeting = g_list_model_get_item (meetings, i);
      GDateTime *start = pw_meeting_get_start (meeting);
      g_autofree char *id = NULL;
      g_autofree char *title = NULL;
      g_autofree char *time = NULL;
      g_autofree char *heading = NULL;

      if (pw_meeting_get_status (meeting) != PW_MEETING_PLANNED ||
          pw_meeting_get_kind (meeting) == PW_MEETING_FIRST_CONTACT ||
          g_date_time_compare (start, now) < 0 || g_date_time_compare (start, soon) > 0)
        continue;

      id = g_strdup_printf ("pw-meeting-%" G_GINT64_FORMAT "-%" G_GINT64_FORMAT,
                            pw_meeting_get_id (meeting), g_date_time_to_unix (start));
      title = pw_meeting_dup_title (meeting);
      time = g_date_time_format (start, "%H:%M");
      /* Translators: a notification's title, the meeting's start time */
      heading = g_strdup_printf (_("Meeting at %s"), time);
      if (send (self, id, heading, title))
        sent++;
    }

  return sent;
}

static gboolean
timeout_cb (gpointer user_data)
{
  pw_reminders_check (PW_REMINDERS (user_data));

  return G_SOURCE_CONTINUE;
}

/* Overrides */

static void
pw_reminders_dispose (GObject *object)
{
  PwReminders *self = PW_REMINDERS (object);

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (pw_reminders_parent_class)->dispose (object);
}

static void
pw_reminders_finalize (GObject *object)
{
  PwReminders *self = PW_REMINDERS (object);

  g_clear_pointer (&self->now, g_date_time_unref);
  g_clear_pointer (&self->sent, g_hash_table_unref);

  G_OBJECT_CLASS (pw_reminders_parent_class)->finalize (object);
}

static void
pw_reminders_class_init (PwRemindersClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = pw_reminders_dispose;
  object_class->finalize = pw_reminders_finalize;
}

static void
pw_reminders_init (PwReminders *self)
{
  self->sent = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

/* Public API */

PwReminders *
pw_reminders_new (PwStore *store,
                  gint64   programme_id)
{
  PwReminders *self;

  g_return_val_if_fail (PW_IS_STORE (store), NULL);

  self = g_object_new (PW_TYPE_REMINDERS, NULL);
  self->store = g_object_ref (store);
  self->programme_id = programme_id;
  self->timeout_id = g_timeout_add_seconds (CHECK_SECONDS, timeout_cb, self);

  return self;
}

void
pw_reminders_set_now (PwReminders *self,
                      GDateTime   *now)
{
  g_return_if_fail (PW_IS_REMINDERS (self));

  g_clear_pointer (&self->now, g_date_time_unref);
  if (now != NULL)
    self->now = g_date_time_ref (now);
}

guint
pw_reminders_check (PwReminders *self)
{
  g_autoptr(GDateTime) now = NULL;

  g_return_val_if_fail (PW_IS_REMINDERS (self), 0);

  if (self->store == NULL)
    return 0;

  now = self->now ? g_date_time_ref (self->now) : g_date_time_new_now_local ();

  return check_first_contacts (self, now) + check_meetings (self, now);
}

gboolean
pw_reminders_was_sent (PwReminders *self,
                       const char  *notification_id)
{
  g_return_val_if_fail (PW_IS_REMINDERS (self), FALSE);
  g_return_val_if_fail (notification_id != NULL, FALSE);

  return g_hash_table_contains (self->sent, notification_id);
}
