/* pw-application.c — the Pairwise application
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "pw-application"

#include <stdio.h>
#include <sys/resource.h>

#include <glib/gi18n.h>

#include "pw-application.h"
#include "pw-guide-window.h"
#include "pw-programme-repo.h"
#include "pw-sample.h"
#include "pw-window.h"

struct _PwApplication
{
  AdwApplication  parent_instance;

  char           *db_path;  /* from --db, NULL for the default */
  gboolean        sample;   /* --sample */

  PwStore        *store;
  GError         *store_error;

  GCancellable   *backup_cancellable;
  guint           backup_running : 1;
  guint           bench_first_frame : 1;  /* PAIRWISE_BENCH_FIRST_FRAME=1 */
};

G_DEFINE_FINAL_TYPE (PwApplication, pw_application, ADW_TYPE_APPLICATION)

static const GOptionEntry main_entries[] = {
  { "db", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Use the database at PATH instead of the default one"), N_("PATH") },
  { "sample", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Open a sample program when the database holds none"), NULL },
  { NULL }
};

static gboolean
has_programmes (PwStore *store)
{
  g_autoptr(GListModel) programmes = NULL;

  programmes = pw_programme_repo_list (store, NULL);

  return programmes != NULL && g_list_model_get_n_items (programmes) > 0;
}

static void
show_store_error (PwApplication *self)
{
  AdwMessageDialog *dialog;

  g_assert (self->store_error != NULL);

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (NULL,
                                                       _("Cannot Open the Database"),
                                                       self->store_error->message));
  adw_message_dialog_add_response (dialog, "quit", _("_Quit"));
  adw_message_dialog_set_default_response (dialog, "quit");
  adw_message_dialog_set_close_response (dialog, "quit");
  gtk_window_set_application (GTK_WINDOW (dialog), GTK_APPLICATION (self));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
backup_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(PwApplication) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  self->backup_running = FALSE;
  if (!pw_store_backup_if_due_finish (PW_STORE (object), result, &path, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_message ("Cannot back up the database: %s", error->message);
    }
  else if (path != NULL)
    g_debug ("Backed up the database to %s", path);
}

/* The daily backup, with its own connection in a worker thread; the last
 * PW_STORE_BACKUPS_KEPT are kept. */
static void
start_backup (PwApplication *self)
{
  g_autofree char *dir = NULL;

  if (self->store == NULL || self->backup_running || self->backup_cancellable != NULL)
    return;

  dir = pw_store_default_backup_dir (self->store);
  self->backup_cancellable = g_cancellable_new ();
  self->backup_running = TRUE;
  pw_store_backup_if_due_async (self->store, dir, self->backup_cancellable,
                                backup_done_cb, g_object_ref (self));
}

/* Once the main window is on screen: only then the work that can wait. */
static void
first_frame_cb (GdkFrameClock *clock,
                PwApplication *self)
{
  g_signal_handlers_disconnect_by_func (clock, first_frame_cb, self);

  if (self->bench_first_frame)
    {
      struct rusage usage;

      /* For tests/bench: the same clock as the bench's own
       * g_get_monotonic_time(), CLOCK_MONOTONIC; and the CPU time of all
       * the threads so far. */
      getrusage (RUSAGE_SELF, &usage);
      printf ("first_frame_us %" G_GINT64_FORMAT "\nfirst_frame_cpu_ms %.1f\n",
              g_get_monotonic_time (),
              (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1000.0 +
              (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1000.0);
      fflush (stdout);
      g_application_quit (G_APPLICATION (self));
      return;
    }

  start_backup (self);
}

static void
window_realized_cb (GtkWidget     *window,
                    PwApplication *self)
{
  g_signal_handlers_disconnect_by_func (window, window_realized_cb, self);
  g_signal_connect_object (gtk_widget_get_frame_clock (window), "after-paint",
                           G_CALLBACK (first_frame_cb), self, 0);
}

static void
quit_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  g_application_quit (G_APPLICATION (user_data));
}

static void
about_activated (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  PwApplication *self = user_data;
  static const char *developers[] = { "The Pairwise developers", NULL };
  GtkWindow *window;

  window = gtk_application_get_active_window (GTK_APPLICATION (self));

  adw_show_about_window (window,
                         "application-name", _("Pairwise"),
                         "application-icon", APP_ID,
                         "developer-name", _("The Pairwise developers"),
                         "developers", developers,
                         "version", PACKAGE_VERSION,
                         "website", "https://github.com/pairwise/pairwise",
                         "issue-url", "https://github.com/pairwise/pairwise/issues",
                         "copyright", _("© 2025 The Pairwise developers"),
                         "license-type", GTK_LICENSE_GPL_3_0,
                         /* Translators: your names, one per line */
                         "translator-credits", _("translator-credits"),
                         NULL);
}

static void
help_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  pw_guide_show (gtk_application_get_active_window (GTK_APPLICATION (user_data)));
}

static const GActionEntry app_entries[] = {
  { "quit", quit_activated },
  { "about", about_activated },
  { "help", help_activated },
};

static int
pw_application_handle_local_options (GApplication *app,
                                     GVariantDict *options)
{
  PwApplication *self = PW_APPLICATION (app);
  g_autofree char *db = NULL;

  if (g_variant_dict_lookup (options, "db", "^ay", &db))
    {
      g_clear_pointer (&self->db_path, g_free);
      self->db_path = g_steal_pointer (&db);

      /* Another database is another instance: do not hand this one over
       * to an instance already running on the default database. */
      g_application_set_flags (app, g_application_get_flags (app) | G_APPLICATION_NON_UNIQUE);
    }

  self->sample = g_variant_dict_contains (options, "sample");

  return -1;
}

static void
pw_application_startup (GApplication *app)
{
  PwApplication *self = PW_APPLICATION (app);
  g_autofree char *path = NULL;
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *new_accels[] = { "<Control>n", NULL };
  static const char *help_accels[] = { "F1", NULL };

  G_APPLICATION_CLASS (pw_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (self),
                                   app_entries, G_N_ELEMENTS (app_entries),
                                   self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.help", help_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.new-programme", new_accels);

  path = pw_store_resolve_path (self->db_path);
  self->store = pw_store_open (path, &self->store_error);
  if (self->store == NULL)
    g_message ("Cannot open the database %s: %s", path, self->store_error->message);

  /* The daily backup waits for the window's first frame: see
   * first_frame_cb(). */
}

static void
pw_application_activate (GApplication *app)
{
  PwApplication *self = PW_APPLICATION (app);
  GtkWindow *window;

  window = gtk_application_get_active_window (GTK_APPLICATION (self));
  if (window != NULL)
    {
      gtk_window_present (window);
      return;
    }

  if (self->store == NULL)
    {
      show_store_error (self);
      return;
    }

  window = GTK_WINDOW (pw_window_new (GTK_APPLICATION (self), self->store));

  if (self->sample && !has_programmes (self->store))
    {
      g_autoptr(GError) error = NULL;
      gint64 id;

      id = pw_sample_create (self->store, &error);
      if (id > 0)
        pw_window_open_programme (PW_WINDOW (window), id);
      else
        g_warning ("Cannot create the sample program: %s", error ? error->message : "?");
    }

  g_signal_connect_object (window, "realize", G_CALLBACK (window_realized_cb), self, 0);
  gtk_window_present (window);
}

static void
pw_application_shutdown (GApplication *app)
{
  PwApplication *self = PW_APPLICATION (app);

  /* Close the windows first: their pending Undo toasts go with them. */
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self));
       l != NULL;
       l = gtk_application_get_windows (GTK_APPLICATION (self)))
    gtk_window_destroy (l->data);

  /* A backup under way finishes rather than leave half a file behind. */
  while (self->backup_running)
    g_main_context_iteration (NULL, TRUE);

  if (self->store != NULL)
    {
      g_autoptr(GError) error = NULL;

      if (!pw_programme_repo_purge_trash (self->store, &error))
        g_warning ("Cannot empty the trash: %s", error->message);
    }

  G_APPLICATION_CLASS (pw_application_parent_class)->shutdown (app);
}

static void
pw_application_finalize (GObject *object)
{
  PwApplication *self = PW_APPLICATION (object);

  g_clear_object (&self->backup_cancellable);
  g_clear_object (&self->store);
  g_clear_error (&self->store_error);
  g_clear_pointer (&self->db_path, g_free);

  G_OBJECT_CLASS (pw_application_parent_class)->finalize (object);
}

static void
pw_application_class_init (PwApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = pw_application_finalize;

  app_class->handle_local_options = pw_application_handle_local_options;
  app_class->startup = pw_application_startup;
  app_class->activate = pw_application_activate;
  app_class->shutdown = pw_application_shutdown;
}

static void
pw_application_init (PwApplication *self)
{
  g_application_add_main_option_entries (G_APPLICATION (self), main_entries);
  g_application_set_option_context_parameter_string (G_APPLICATION (self), NULL);

  /* tests/bench/bench-gui: print when the first frame is painted, then quit. */
  self->bench_first_frame = g_strcmp0 (g_getenv ("PAIRWISE_BENCH_FIRST_FRAME"), "1") == 0;
}

PwApplication *
pw_application_new (void)
{
  return g_object_new (PW_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "resource-base-path", RESOURCE_PREFIX,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       NULL);
}

/**
 * pw_application_get_store:
 *
 * Returns: (transfer none) (nullable): the open database, or %NULL when it
 *   could not be opened.
 */
PwStore *
pw_application_get_store (PwApplication *self)
{
  g_return_val_if_fail (PW_IS_APPLICATION (self), NULL);

  return self->store;
}
