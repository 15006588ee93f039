/* pw-start-page.c — the list of programmes
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "pw-start-page"

#include <glib/gi18n.h>

#include "pw-gui-utils.h"
#include "pw-programme-repo.h"
#include "pw-programme-row.h"
#include "pw-start-page.h"
#include "pw-window.h"

struct _PwStartPage
{
  AdwBin      parent_instance;

  PwStore       *store;

  /* Template widgets */
  GtkStack      *stack;
  GtkListBox    *list_box;
  GtkMenuButton *menu_button;
  GMenuModel    *primary_menu;
};

/* What the Undo toast of a deletion needs once the page may be gone. */
typedef struct
{
  PwStore  *store;
  gint64    id;
  gboolean  undone;
} PendingDelete;

G_DEFINE_FINAL_TYPE (PwStartPage, pw_start_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
pending_delete_free (PendingDelete *pending)
{
  g_clear_object (&pending->store);
  g_free (pending);
}

static void
toast_error (PwStartPage  *self,
             const GError *error)
{
  pw_widget_add_toast (GTK_WIDGET (self), pw_toast_new_plain (error->message));
}

static GtkWidget *
create_row_cb (gpointer item,
               gpointer user_data)
{
  return pw_programme_row_new (PW_PROGRAMME (item));
}

static void
reload (PwStartPage *self)
{
  g_autoptr(GListModel) programmes = NULL;
  g_autoptr(GError) error = NULL;

  programmes = pw_programme_repo_list (self->store, &error);
  if (programmes == NULL)
    {
      g_warning ("Cannot list the programs: %s", error->message);
      programmes = G_LIST_MODEL (g_list_store_new (PW_TYPE_PROGRAMME));
    }

  gtk_list_box_bind_model (self->list_box, programmes, create_row_cb, NULL, NULL);
  gtk_stack_set_visible_child_name (self->stack,
                                    g_list_model_get_n_items (programmes) > 0 ? "list" : "empty");
}

static PwProgramme *
get_programme (PwStartPage *self,
               gint64       id)
{
  g_autoptr(GError) error = NULL;
  PwProgramme *programme;

  programme = pw_programme_repo_get (self->store, id, &error);
  if (programme == NULL)
    toast_error (self, error);

  return programme;
}

static AdwMessageDialog *
new_dialog (PwStartPage *self,
            const char  *heading,
            const char  *body)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                     heading, body));
}

static void
rename_entry_changed_cb (GtkEditable      *entry,
                         AdwMessageDialog *dialog)
{
  g_autoptr(GError) error = NULL;
  gboolean valid;

  valid = pw_programme_check_name (gtk_editable_get_text (entry), &error);
  adw_message_dialog_set_response_enabled (dialog, "rename", valid);

  if (valid)
    gtk_widget_remove_css_class (GTK_WIDGET (entry), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (entry), "error");
  gtk_widget_set_tooltip_text (GTK_WIDGET (entry), valid ? NULL : error->message);
}

static void
rename_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    PwStartPage      *self)
{
  g_autoptr(PwProgramme) programme = NULL;
  g_autoptr(GError) error = NULL;
  GtkEditable *entry;
  gint64 id;

  entry = g_object_get_data (G_OBJECT (dialog), "pw-entry");
  id = *(gint64 *) g_object_get_data (G_OBJECT (dialog), "pw-id");

  programme = get_programme (self, id);
  if (programme == NULL)
    return;

  pw_programme_set_name (programme, gtk_editable_get_text (entry));
  if (!pw_programme_repo_update (self->store, programme, &error))
    toast_error (self, error);
}

static void
rename_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  PwStartPage *self = PW_START_PAGE (widget);
  g_autoptr(PwProgramme) programme = NULL;
  AdwMessageDialog *dialog;
  GtkWidget *entry;
  gint64 id;

  id = g_variant_get_int64 (parameter);
  programme = get_programme (self, id);
  if (programme == NULL)
    return;

  dialog = new_dialog (self, _("Rename Program"), NULL);
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "rename", _("_Rename"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "rename", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "rename");
  adw_message_dialog_set_close_response (dialog, "cancel");

  entry = gtk_entry_new ();
  gtk_editable_set_text (GTK_EDITABLE (entry), pw_programme_get_name (programme));
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Program name"),
                                  -1);
  g_signal_connect_object (entry, "changed", G_CALLBACK (rename_entry_changed_cb), dialog, 0);
  adw_message_dialog_set_extra_child (dialog, entry);

  g_object_set_data (G_OBJECT (dialog), "pw-entry", entry);
  g_object_set_data_full (G_OBJECT (dialog), "pw-id", g_memdup2 (&id, sizeof id), g_free);
  g_signal_connect_object (dialog, "response::rename", G_CALLBACK (rename_response_cb), self, 0);

  gtk_window_present (GTK_WINDOW (dialog));
}

static void
duplicate_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  PwStartPage *self = PW_START_PAGE (widget);
  g_autoptr(PwProgramme) programme = NULL;
  g_autoptr(PwProgramme) copy = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;
  gint64 id;

  id = g_variant_get_int64 (parameter);
  programme = get_programme (self, id);
  if (programme == NULL)
    return;

  name = pw_programme_next_cohort_name (pw_programme_get_name (programme));
  copy = pw_programme_repo_duplicate (self->store, id, name, &error);
  if (copy == NULL)
    {
      toast_error (self, error);
      return;
    }

  /* Translators: a new program was made as a copy of another one */
  title = g_markup_printf_escaped (_("Created “%s”"), pw_programme_get_name (copy));
  pw_widget_add_toast (GTK_WIDGET (self), adw_toast_new (title));
}

static void
undo_clicked_cb (AdwToast      *toast,
                 PendingDelete *pending)
{
  g_autoptr(GError) error = NULL;

  pending->undone = TRUE;
  if (!pw_programme_repo_trash (pending->store, pending->id, FALSE, &error))
    g_warning ("Cannot restore program %" G_GINT64_FORMAT ": %s", pending->id, error->message);
}

static void
toast_dismissed_cb (AdwToast      *toast,
                    PendingDelete *pending)
{
  g_autoptr(GError) error = NULL;

  if (pending->undone)
    return;

  /* Too late to undo: delete it for good. Only this one, since another
   * deletion may still wait on its own toast. */
  if (!pw_programme_repo_delete (pending->store, pending->id, &error))
    g_warning ("Cannot delete program %" G_GINT64_FORMAT ": %s", pending->id, error->message);
}

static void
delete_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    PwStartPage      *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  PendingDelete *pending;
  AdwToast *toast;
  gint64 id;

  id = *(gint64 *) g_object_get_data (G_OBJECT (dialog), "pw-id");

  if (!pw_programme_repo_trash (self->store, id, TRUE, &error))
    {
      toast_error (self, error);
      return;
    }

  pending = g_new0 (PendingDelete, 1);
  pending->store = g_object_ref (self->store);
  pending->id = id;

  /* Translators: a program was deleted; Undo is offered next to this */
  title = g_markup_printf_escaped (_("“%s” deleted"),
                                   (const char *) g_object_get_data (G_OBJECT (dialog), "pw-name"));
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_object_set_data_full (G_OBJECT (toast), "pw-pending", pending,
                          (GDestroyNotify) pending_delete_free);
  g_signal_connect (toast, "button-clicked", G_CALLBACK (undo_clicked_cb), pending);
  g_signal_connect (toast, "dismissed", G_CALLBACK (toast_dismissed_cb), pending);

  pw_widget_add_toast (GTK_WIDGET (self), toast);
}

static void
delete_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  PwStartPage *self = PW_START_PAGE (widget);
  g_autoptr(PwProgramme) programme = NULL;
  AdwMessageDialog *dialog;
  gint64 id;

  id = g_variant_get_int64 (parameter);
  programme = get_programme (self, id);
  if (programme == NULL)
    return;

  dialog = new_dialog (self, NULL,
                       _("The program and its setup will be deleted."));
  /* Translators: the heading of the confirmation before deleting a program */
  adw_message_dialog_format_heading (dialog, _("Delete “%s”?"), pw_programme_get_name (programme));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "delete", _("_Delete"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "delete", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");

  g_object_set_data_full (G_OBJECT (dialog), "pw-id", g_memdup2 (&id, sizeof id), g_free);
  g_object_set_data_full (G_OBJECT (dialog), "pw-name",
                          g_strdup (pw_programme_get_name (programme)), g_free);
  g_signal_connect_object (dialog, "response::delete", G_CALLBACK (delete_response_cb), self, 0);

  gtk_window_present (GTK_WINDOW (dialog));
}

static void
store_changed_cb (PwStartPage *self,
                  const char  *table)
{
  if (g_strcmp0 (table, "programme") == 0)
    reload (self);
}

static void
pw_start_page_constructed (GObject *object)
{
  PwStartPage *self = PW_START_PAGE (object);

  G_OBJECT_CLASS (pw_start_page_parent_class)->constructed (object);

  g_signal_connect_object (self->store, "changed",
                           G_CALLBACK (store_changed_cb), self,
                           G_CONNECT_SWAPPED);
  reload (self);
}

static void
pw_start_page_dispose (GObject *object)
{
  PwStartPage *self = PW_START_PAGE (object);

  /* AdwBin 1.2 keeps its own pointer to the child, which the template may
   * unparent: let the bin drop it first. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), PW_TYPE_START_PAGE);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (pw_start_page_parent_class)->dispose (object);
}

static void
pw_start_page_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  PwStartPage *self = PW_START_PAGE (object);

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
pw_start_page_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  PwStartPage *self = PW_START_PAGE (object);

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
pw_start_page_class_init (PwStartPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = pw_start_page_constructed;
  object_class->dispose = pw_start_page_dispose;
  object_class->get_property = pw_start_page_get_property;
  object_class->set_property = pw_start_page_set_property;

  properties [PROP_STORE] = pw_param_spec_store ();

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/pw-start-page.ui");
  gtk_widget_class_bind_template_child (widget_class, PwStartPage, stack);
  gtk_widget_class_bind_template_child (widget_class, PwStartPage, list_box);
  gtk_widget_class_bind_template_child (widget_class, PwStartPage, menu_button);
  gtk_widget_class_bind_template_child (widget_class, PwStartPage, primary_menu);

  gtk_widget_class_install_action (widget_class, "start.rename", "x", rename_activated);
  gtk_widget_class_install_action (widget_class, "start.duplicate", "x", duplicate_activated);
  gtk_widget_class_install_action (widget_class, "start.delete", "x", delete_activated);
}

static void
pw_start_page_init (PwStartPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  pw_menu_button_set_menu_lazily (self->menu_button, self->primary_menu);
}

GtkWidget *
pw_start_page_new (PwStore *store)
{
  g_return_val_if_fail (PW_IS_STORE (store), NULL);

  return g_object_new (PW_TYPE_START_PAGE,
                       "store", store,
                       NULL);
}
