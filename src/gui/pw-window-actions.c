/* pw-window-actions.c — importing and exporting programmes, the grade scale
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "pw-window-actions"

#include <glib/gi18n.h>

#include "pw-bundle.h"
#include "pw-grade-scale-dialog.h"
#include "pw-gui-utils.h"
#include "pw-window.h"

static void
show_error (PwWindow   *self,
            const char *heading,
            const char *message)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, NULL);

  /* The message names the file and the place: plain text, never markup. */
  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (dialog), message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
toast (PwWindow   *self,
       const char *text)
{
  pw_window_add_toast (self, pw_toast_new_plain (text));
}

/**
 * pw_window_import_bundle_file:
 *
 * Imports a programme bundle and opens it. Exposed for tests, which drive
 * it without the file chooser.
 */
gint64
pw_window_import_bundle_file (PwWindow *self,
                              GFile    *file)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *name = g_file_get_basename (file);
  gsize length = 0;
  gint64 id;

  if (!g_file_load_contents (file, NULL, &contents, &length, NULL, &error))
    {
      show_error (self, _("Cannot Read the File"), error->message);
      return 0;
    }

  id = pw_bundle_import (pw_window_get_store (self), contents, length, name, &error);
  if (id == 0)
    {
      show_error (self, _("Cannot Import the Program"), error->message);
      return 0;
    }

  pw_window_open_programme (self, id);
  toast (self, _("Program imported"));
  return id;
}

static void
import_response_cb (GtkNativeDialog *chooser,
                    int              response,
                    PwWindow        *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      pw_window_import_bundle_file (self, file);
    }

  g_object_unref (chooser);
}

static void
import_programme_activated (GSimpleAction *action,
                            GVariant      *parameter,
                            gpointer       user_data)
{
  PwWindow *self = PW_WINDOW (user_data);
  GtkFileChooserNative *chooser;

  chooser = pw_file_chooser_new (GTK_WIDGET (self), _("Import Program"), GTK_FILE_CHOOSER_ACTION_OPEN,
                                 _("_Import"), NULL);
  pw_file_chooser_add_filter (chooser, _("Pairwise programs"), "application/json", "*.json", NULL);
  g_signal_connect_object (chooser, "response", G_CALLBACK (import_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/**
 * pw_window_export_bundle_file:
 *
 * Writes the open programme's bundle to @file, readable by its owner only.
 */
gboolean
pw_window_export_bundle_file (PwWindow      *self,
                              GFile         *file,
                              PwBundleFlags  flags)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *with_newline = NULL;
  PwProgramme *programme = pw_window_get_programme (self);

  g_return_val_if_fail (programme != NULL, FALSE);

  text = pw_bundle_export (pw_window_get_store (self), pw_programme_get_id (programme), flags, &error);
  if (text != NULL)
    with_newline = g_strconcat (text, "\n", NULL);

  if (text == NULL || path == NULL || !pw_write_private_file (path, with_newline, -1, &error))
    {
      show_error (self, _("Cannot Export the Program"),
                  error ? error->message : _("Choose a folder on this computer."));
      return FALSE;
    }

  if ((flags & PW_BUNDLE_WITH_SENSITIVE) && (flags & PW_BUNDLE_WITH_DIARIES))
    toast (self, _("Exported, with sensitive characteristics and diaries"));
  else if (flags & PW_BUNDLE_WITH_SENSITIVE)
    toast (self, _("Exported, with sensitive characteristics, without diaries"));
  else if (flags & PW_BUNDLE_WITH_DIARIES)
    toast (self, _("Exported, with diaries, without sensitive characteristics"));
  else
    toast (self, _("Exported, without sensitive characteristics or diaries"));

  return TRUE;
}

typedef struct
{
  PwWindow      *self;
  PwBundleFlags  flags;
} ExportData;

static void
export_chooser_response_cb (GtkNativeDialog *chooser,
                            int              response,
                            ExportData      *data)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      pw_window_export_bundle_file (data->self, file, data->flags);
    }

  g_object_unref (data->self);
  g_free (data);
  g_object_unref (chooser);
}

static void
export_confirmed_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     PwWindow         *self)
{
  GtkWidget *box = adw_message_dialog_get_extra_child (dialog);
  GtkWidget *sensitive = gtk_widget_get_first_child (box);
  GtkWidget *diaries = gtk_widget_get_next_sibling (sensitive);
  PwProgramme *programme = pw_window_get_programme (self);
  GtkFileChooserNative *chooser;
  g_autofree char *name = NULL;
  ExportData *data;

  if (!g_str_equal (response, "export") || programme == NULL)
    return;

  data = g_new0 (ExportData, 1);
  data->self = g_object_ref (self);
  if (gtk_check_button_get_active (GTK_CHECK_BUTTON (sensitive)))
    data->flags |= PW_BUNDLE_WITH_SENSITIVE;
  if (gtk_check_button_get_active (GTK_CHECK_BUTTON (diaries)))
    data->flags |= PW_BUNDLE_WITH_DIARIES;

  chooser = pw_file_chooser_new (GTK_WIDGET (self), _("Export Program"), GTK_FILE_CHOOSER_ACTION_SAVE,
                                 _("_Export"), NULL);
  /* A file name cannot hold a slash; the rest of the name is fine. */
  name = g_strdelimit (g_strdup_printf ("%s.json", pw_programme_get_name (programme)), "/", '-');
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_signal_connect (chooser, "response", G_CALLBACK (export_chooser_response_cb), data);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
export_programme_activated (GSimpleAction *action,
                            GVariant      *parameter,
                            gpointer       user_data)
{
  PwWindow *self = PW_WINDOW (user_data);
  PwProgramme *programme = pw_window_get_programme (self);
  GtkWidget *dialog;
  GtkWidget *box;
  GtkWidget *sensitive;
  GtkWidget *diaries;

  if (programme == NULL)
    return;

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Export Program?"),
                                   _("The file holds the program’s setup, its people, their reporting "
                                     "lines, pairs and workspaces. It is personal data: keep it safe. "
                                     "Sensitive characteristics and the pairs’ private diaries are left "
                                     "out unless you include them."));
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  sensitive = gtk_check_button_new_with_mnemonic (_("Include _sensitive characteristics"));
  diaries = gtk_check_button_new_with_mnemonic (_("Include the pairs’ private _diaries"));
  gtk_widget_set_sensitive (sensitive, pw_programme_get_sensitive_enabled (programme));
  gtk_box_append (GTK_BOX (box), sensitive);
  gtk_box_append (GTK_BOX (box), diaries);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "export", _("_Export…"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "export",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "export");
  g_signal_connect_object (dialog, "response", G_CALLBACK (export_confirmed_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
grade_scale_activated (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  PwWindow *self = PW_WINDOW (user_data);
  GtkWidget *dialog = pw_grade_scale_dialog_new (pw_window_get_store (self));

  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (self));
  gtk_window_present (GTK_WINDOW (dialog));
}

static const GActionEntry file_entries[] = {
  { "import-programme", import_programme_activated },
  { "export-programme", export_programme_activated },
  { "grade-scale", grade_scale_activated },
};

void
pw_window_add_file_actions (PwWindow *self)
{
  g_action_map_add_action_entries (G_ACTION_MAP (self), file_entries, G_N_ELEMENTS (file_entries), self);
}
