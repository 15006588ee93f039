/* pw-window.c — the main window: the start page or one programme
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "pw-window"

#include <glib/gi18n.h>

#include "pw-person-repo.h"
#include "pw-programme-repo.h"
#include "pw-gui-utils.h"
#include "pw-programme-view.h"
#include "pw-sample.h"
#include "pw-start-page.h"
#include "pw-window.h"

struct _PwWindow
{
  AdwApplicationWindow  parent_instance;

  PwStore              *store;
  GSettings            *settings;

  /* Template widgets */
  AdwToastOverlay      *toast_overlay;
  GtkStack             *stack;

  PwStartPage          *start_page;      /* built when first shown */
  PwProgrammeView      *programme_view;  /* the open programme, if any */
};

G_DEFINE_FINAL_TYPE (PwWindow, pw_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
toast_error (PwWindow     *self,
             const GError *error)
{
  pw_window_add_toast (self, pw_toast_new_plain (error->message));
}

static void
drop_programme_view (PwWindow *self)
{
  if (self->programme_view == NULL)
    return;

  gtk_stack_remove (self->stack, GTK_WIDGET (self->programme_view));
  self->programme_view = NULL;
}

static gboolean
open_programme (PwWindow *self,
                gint64    id,
                gboolean  focus_name)
{
  g_autoptr(PwProgramme) programme = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *view;

  programme = pw_programme_repo_get (self->store, id, &error);
  if (programme == NULL)
    {
      toast_error (self, error);
      return FALSE;
    }

  drop_programme_view (self);

  view = pw_programme_view_new (self->store, programme);
  self->programme_view = PW_PROGRAMME_VIEW (view);
  gtk_stack_add_named (self->stack, view, "programme");
  gtk_stack_set_visible_child (self->stack, view);

  if (focus_name)
    pw_programme_view_focus_name (self->programme_view);
  else
    pw_programme_view_focus_sections (self->programme_view);

  /* Reopened at start-up, it is the same: no write to wait for. */
  if (g_settings_get_int64 (self->settings, "last-programme") != id)
    g_settings_set_int64 (self->settings, "last-programme", id);

  return TRUE;
}

static void
transition_running_changed_cb (PwWindow *self)
{
  /* Release the programme once it has faded out of view. */
  if (!gtk_stack_get_transition_running (self->stack) &&
      self->start_page != NULL &&
      gtk_stack_get_visible_child (self->stack) == GTK_WIDGET (self->start_page))
    drop_programme_view (self);
}

/* The start page is built the first time it shows: a window that reopens
 * the last programme does not list the programmes before its first frame. */
static void
show_start_page (PwWindow *self)
{
  if (self->start_page == NULL)
    {
      self->start_page = PW_START_PAGE (pw_start_page_new (self->store));
      gtk_stack_add_named (self->stack, GTK_WIDGET (self->start_page), "start");
    }

  gtk_stack_set_visible_child (self->stack, GTK_WIDGET (self->start_page));
}

static void
new_programme_activated (GSimpleAction *action,
                         GVariant      *parameter,
                         gpointer       user_data)
{
  PwWindow *self = user_data;
  g_autoptr(PwProgramme) programme = NULL;
  g_autoptr(GError) error = NULL;

  programme = pw_programme_new (_("New Program"));
  if (!pw_programme_repo_insert (self->store, programme, &error))
    {
      toast_error (self, error);
      return;
    }

  open_programme (self, pw_programme_get_id (programme), TRUE);
}

static void
try_sample_activated (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       user_data)
{
  PwWindow *self = user_data;
  g_autoptr(GError) error = NULL;
  gint64 id;

  id = pw_sample_create (self->store, &error);
  if (id <= 0)
    {
      if (error != NULL)
        toast_error (self, error);
      return;
    }

  open_programme (self, id, FALSE);
}

static void
open_programme_activated (GSimpleAction *action,
                          GVariant      *parameter,
                          gpointer       user_data)
{
  open_programme (PW_WINDOW (user_data), g_variant_get_int64 (parameter), FALSE);
}

static void
show_start_activated (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       user_data)
{
  pw_window_show_start (PW_WINDOW (user_data));
}

/* Restore from Backup: pick one of the backups, confirm, and the database
 * is replaced in place (after saving it as a backup itself); the window is
 * then built again over the restored data. */
static void
restore_confirmed_cb (AdwMessageDialog *dialog,
                      const char       *response,
                      PwWindow         *self)
{
  GtkListBox *list = GTK_LIST_BOX (adw_message_dialog_get_extra_child (dialog));
  GtkListBoxRow *row = list != NULL ? gtk_list_box_get_selected_row (list) : NULL;
  g_autofree char *dir = NULL;
  g_autofree char *saved = NULL;
  g_autoptr(GError) error = NULL;
  GtkApplication *app;
  PwWindow *window;
  const char *path;

  if (g_strcmp0 (response, "restore") != 0 || row == NULL)
    return;

  path = g_object_get_data (G_OBJECT (row), "path");
  dir = pw_store_default_backup_dir (self->store);
  if (!pw_store_restore (self->store, path, dir, &saved, &error))
    {
      toast_error (self, error);
      return;
    }

  /* Reload: a new window over the restored data, in place of this one. */
  app = gtk_window_get_application (GTK_WINDOW (self));
  window = pw_window_new (app, self->store);
  pw_window_add_toast (window, adw_toast_new (_("Restored from the backup")));
  gtk_window_present (GTK_WINDOW (window));
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
restore_row_selected_cb (GtkListBox       *list,
                         GtkListBoxRow    *row,
                         AdwMessageDialog *dialog)
{
  adw_message_dialog_set_response_enabled (dialog, "restore", row != NULL);
}

static void
restore_backup_activated (GSimpleAction *action,
                          GVariant      *parameter,
                          gpointer       user_data)
{
  PwWindow *self = user_data;
  g_autofree char *dir = pw_store_default_backup_dir (self->store);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) backups = pw_store_list_backups (dir, &error);
  GtkWidget *dialog;
  GtkWidget *list;

  if (backups == NULL)
    {
      toast_error (self, error);
      return;
    }

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Restore from Backup"),
                                   backups->len == 0
                                   ? _("There are no backups yet. Pairwise takes one each day it starts.")
                                   : _("Choose a backup. Everything changed since it was taken is replaced; "
                                       "the database as it is now is first saved as another backup."));
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  if (backups->len > 0)
    {
      list = gtk_list_box_new ();
      gtk_widget_add_css_class (list, "boxed-list");
      gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_SINGLE);
      gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Backups"), -1);
      for (guint i = 0; i < backups->len; i++)
        {
          PwBackup *backup = g_ptr_array_index (backups, i);
          /* Translators: a date and time, see g_date_time_format() */
          g_autofree char *when = g_date_time_format (backup->modified, _("%A %-d %B %Y, %H:%M"));
          g_autofree char *name = g_path_get_basename (backup->path);
          GtkWidget *row = adw_action_row_new ();

          adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), when);
          adw_action_row_set_subtitle (ADW_ACTION_ROW (row), name);
          g_object_set_data_full (G_OBJECT (row), "path", g_strdup (backup->path), g_free);
          gtk_list_box_append (GTK_LIST_BOX (list), row);
        }
      adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), list);
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "restore", _("_Restore"));
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "restore",
                                                  ADW_RESPONSE_DESTRUCTIVE);
      adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "restore", FALSE);
      g_signal_connect_object (list, "row-selected", G_CALLBACK (restore_row_selected_cb), dialog, 0);
      g_signal_connect_object (dialog, "response", G_CALLBACK (restore_confirmed_cb), self, 0);
    }

  gtk_window_present (GTK_WINDOW (dialog));
}

/* Retention: people whose programmes all ended more than the set number
 * of months ago are offered for erasure, never erased unasked. */
static GListModel *
list_retained (PwWindow *self,
               guint    *out_months)
{
  guint months = g_settings_get_uint (self->settings, "retention-months");

  *out_months = months;
  if (months == 0)
    return NULL;

  return pw_person_repo_list_retention (self->store, months, NULL, NULL);
}

static void
erase_retained_confirmed_cb (AdwMessageDialog *dialog,
                             const char       *response,
                             PwWindow         *self)
{
  g_autoptr(GListModel) people = NULL;
  g_autoptr(GError) error = NULL;
  guint months;

  if (g_strcmp0 (response, "erase") != 0)
    return;

  people = list_retained (self, &months);
  for (guint i = 0; people != NULL && i < g_list_model_get_n_items (people); i++)
    {
      g_autoptr(PwPerson) person = g_list_model_get_item (people, i);

      if (!pw_person_repo_erase (self->store, pw_person_get_id (person), &error))
        {
          toast_error (self, error);
          return;
        }
    }
}

static void
erase_retained_activated (GSimpleAction *action,
                          GVariant      *parameter,
                          gpointer       user_data)
{
  PwWindow *self = user_data;
  g_autoptr(GListModel) people = NULL;
  g_autoptr(GString) names = g_string_new (NULL);
  g_autofree char *heading = NULL;
  GtkWidget *dialog;
  guint months, n;

  people = list_retained (self, &months);
  n = people != NULL ? g_list_model_get_n_items (people) : 0;
  if (n == 0)
    return;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PwPerson) person = g_list_model_get_item (people, i);

      if (i == 20)
        {
          g_string_append_printf (names, "\n…");
          break;
        }
      g_string_append_printf (names, "%s%s", i > 0 ? "\n" : "", pw_person_get_name (person));
    }

  heading = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "Erase %u Person?", "Erase %u People?", n), n);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  g_dngettext (GETTEXT_PACKAGE,
                                               "Every program of these people ended more than %u month "
                                               "ago. Their details and answers are removed for good; their "
                                               "pairs stay as anonymous history. This cannot be undone.\n\n%s",
                                               "Every program of these people ended more than %u months "
                                               "ago. Their details and answers are removed for good; their "
                                               "pairs stay as anonymous history. This cannot be undone.\n\n%s",
                                               months),
                                  months, names->str);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Keep Them"),
                                    "erase", _("_Erase for Good"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "erase",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (erase_retained_confirmed_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
offer_retention (GtkWidget *widget,
                 gpointer   user_data)
{
  PwWindow *self = PW_WINDOW (widget);
  g_autoptr(GListModel) people = NULL;
  g_autofree char *title = NULL;
  AdwToast *toast;
  guint months, n;

  people = list_retained (self, &months);
  n = people != NULL ? g_list_model_get_n_items (people) : 0;
  if (n == 0)
    return;

  title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                        "%u person’s programs ended more than %u months ago",
                                        "%u people’s programs ended more than %u months ago", n),
                           n, months);
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Review"));
  adw_toast_set_action_name (toast, "win.erase-retained");
  adw_toast_set_timeout (toast, 0);
  pw_window_add_toast (self, toast);
}

static const GActionEntry win_entries[] = {
  { "restore-backup", restore_backup_activated },
  { "erase-retained", erase_retained_activated },
  { "new-programme", new_programme_activated },
  { "try-sample", try_sample_activated },
  { "open-programme", open_programme_activated, "x" },
  { "show-start", show_start_activated },
};

static void
pw_window_constructed (GObject *object)
{
  PwWindow *self = PW_WINDOW (object);
  gint64 last;

  G_OBJECT_CLASS (pw_window_parent_class)->constructed (object);

  g_assert (PW_IS_STORE (self->store));

  /* Reopen the programme that was open when Pairwise last closed, unless it
   * has gone since. */
  last = g_settings_get_int64 (self->settings, "last-programme");
  if (last > 0)
    {
      g_autoptr(PwProgramme) programme = pw_programme_repo_get (self->store, last, NULL);

      if (programme == NULL || !open_programme (self, last, FALSE))
        g_settings_set_int64 (self->settings, "last-programme", 0);
    }
  if (self->programme_view == NULL)
    show_start_page (self);

  /* Reading whole records, it waits for the window to be on screen. */
  pw_widget_after_frame (GTK_WIDGET (self), offer_retention, NULL, NULL);
}

static void
pw_window_dispose (GObject *object)
{
  PwWindow *self = PW_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), PW_TYPE_WINDOW);

  self->start_page = NULL;
  self->programme_view = NULL;

  G_OBJECT_CLASS (pw_window_parent_class)->dispose (object);
}

static void
pw_window_finalize (GObject *object)
{
  PwWindow *self = PW_WINDOW (object);

  g_clear_object (&self->settings);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (pw_window_parent_class)->finalize (object);
}

static void
pw_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  PwWindow *self = PW_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pw_window_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  PwWindow *self = PW_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pw_window_class_init (PwWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = pw_window_constructed;
  object_class->dispose = pw_window_dispose;
  object_class->finalize = pw_window_finalize;
  object_class->get_property = pw_window_get_property;
  object_class->set_property = pw_window_set_property;

  properties [PROP_STORE] = pw_param_spec_store ();

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/pw-window.ui");
  gtk_widget_class_bind_template_child (widget_class, PwWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, PwWindow, stack);

  g_type_ensure (PW_TYPE_START_PAGE);
  g_type_ensure (PW_TYPE_PROGRAMME_VIEW);
}

static void
pw_window_init (PwWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* Connected here rather than in the template: gtk4-builder-tool 4.8
   * cannot validate a template that names our own callbacks. */
  g_signal_connect_object (self->stack, "notify::transition-running",
                           G_CALLBACK (transition_running_changed_cb), self,
                           G_CONNECT_SWAPPED);

  g_action_map_add_action_entries (G_ACTION_MAP (self),
                                   win_entries, G_N_ELEMENTS (win_entries),
                                   self);
  pw_window_add_file_actions (self);

  self->settings = g_settings_new (APP_ID);
  g_settings_bind (self->settings, "window-width", self, "default-width", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-height", self, "default-height", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-maximized", self, "maximized", G_SETTINGS_BIND_DEFAULT);
}

/**
 * pw_window_new:
 * @app: (nullable): the application, or %NULL in tests
 * @store: the database the window shows
 */
PwWindow *
pw_window_new (GtkApplication *app,
               PwStore        *store)
{
  g_return_val_if_fail (app == NULL || GTK_IS_APPLICATION (app), NULL);
  g_return_val_if_fail (PW_IS_STORE (store), NULL);

  return g_object_new (PW_TYPE_WINDOW,
                       "application", app,
                       "store", store,
                       NULL);
}

PwStore *
pw_window_get_store (PwWindow *self)
{
  g_return_val_if_fail (PW_IS_WINDOW (self), NULL);

  return self->store;
}

void
pw_window_open_programme (PwWindow *self,
                          gint64    id)
{
  g_return_if_fail (PW_IS_WINDOW (self));
  g_return_if_fail (id > 0);

  open_programme (self, id, FALSE);
}

void
pw_window_show_start (PwWindow *self)
{
  g_return_if_fail (PW_IS_WINDOW (self));

  show_start_page (self);
  g_settings_set_int64 (self->settings, "last-programme", 0);

  /* Without animations no transition runs to tell us when to let go. */
  if (!gtk_stack_get_transition_running (self->stack))
    drop_programme_view (self);
}

/**
 * pw_window_add_toast:
 * @toast: (transfer full): the toast to show
 */
void
pw_window_add_toast (PwWindow *self,
                     AdwToast *toast)
{
  g_return_if_fail (PW_IS_WINDOW (self));
  g_return_if_fail (ADW_IS_TOAST (toast));

  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/**
 * pw_window_get_programme:
 *
 * Returns: (transfer none) (nullable): the programme open in the window
 */
PwProgramme *
pw_window_get_programme (PwWindow *self)
{
  g_return_val_if_fail (PW_IS_WINDOW (self), NULL);

  return self->programme_view ? pw_programme_view_get_programme (self->programme_view) : NULL;
}
