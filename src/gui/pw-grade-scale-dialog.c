/* pw-grade-scale-dialog.c — the organisation's ordered grade scale
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "pw-grade-scale-dialog"

#include <glib/gi18n.h>

#include "pw-grade-scale-dialog.h"
#include "pw-gui-utils.h"
#include "pw-person-repo.h"

struct _PwGradeScaleDialog
{
  AdwWindow        parent_instance;

  PwStore         *store;

  AdwToastOverlay *toasts;
  GtkListBox      *list;
  AdwEntryRow     *new_row;
};

G_DEFINE_FINAL_TYPE (PwGradeScaleDialog, pw_grade_scale_dialog, ADW_TYPE_WINDOW)

static void rebuild (PwGradeScaleDialog *self);

/* Writes @grades as the scale; on refusal says why and shows the stored
 * scale again, so what is on screen is always what is stored. */
static gboolean
store_scale (PwGradeScaleDialog  *self,
             const char * const  *grades)
{
  g_autoptr(GError) error = NULL;

  if (!pw_grade_scale_set (self->store, grades, &error))
    {
      adw_toast_overlay_add_toast (self->toasts, pw_toast_new_plain (error->message));
      rebuild (self);
      return FALSE;
    }

  rebuild (self);
  return TRUE;
}

static GStrv
current_scale (PwGradeScaleDialog *self)
{
  return pw_grade_scale_get (self->store, NULL);
}

static void
rename_applied_cb (AdwEntryRow        *row,
                   PwGradeScaleDialog *self)
{
  g_auto(GStrv) grades = current_scale (self);
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "index"));
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));

  if (grades == NULL || index >= g_strv_length (grades))
    return;

  if (text[0] == '\0')
    {
      pw_widget_show_error (GTK_WIDGET (row), _("A grade needs a name: type one, or remove the grade."));
      return;
    }

  {
    g_autoptr(GError) error = NULL;

    if (!pw_grade_scale_rename (self->store, grades[index], text, &error))
      {
        pw_widget_show_error (GTK_WIDGET (row), error->message);
        return;
      }
  }

  rebuild (self);
}

static void
move_clicked_cb (GtkButton          *button,
                 PwGradeScaleDialog *self)
{
  g_auto(GStrv) grades = current_scale (self);
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "index"));
  int delta = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "delta"));
  guint n = grades ? g_strv_length (grades) : 0;
  guint other = index + delta;
  char *swap;

  if (index >= n || other >= n)
    return;

  swap = grades[index];
  grades[index] = grades[other];
  grades[other] = swap;
  store_scale (self, (const char * const *)grades);
}

static void
remove_clicked_cb (GtkButton          *button,
                   PwGradeScaleDialog *self)
{
  g_auto(GStrv) grades = current_scale (self);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) remaining = NULL;
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "index"));
  g_autofree char *removed = NULL;

  for (guint i = 0; grades != NULL && grades[i] != NULL; i++)
    if (i != index)
      g_strv_builder_add (builder, grades[i]);
    else
      removed = g_strdup (grades[i]);

  remaining = g_strv_builder_end (builder);
  if (removed != NULL && store_scale (self, (const char * const *)remaining))
    {
      g_autofree char *title = g_strdup_printf (_("Grade “%s” removed: people who held it have no grade now"),
                                                removed);
      adw_toast_overlay_add_toast (self->toasts, pw_toast_new_plain (title));
    }
}

static void
new_applied_cb (AdwEntryRow        *row,
                PwGradeScaleDialog *self)
{
  g_auto(GStrv) grades = current_scale (self);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) longer = NULL;
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));

  if (text[0] == '\0')
    return;

  g_strv_builder_addv (builder, (const char **)grades);
  g_strv_builder_add (builder, text);
  longer = g_strv_builder_end (builder);

  if (store_scale (self, (const char * const *)longer))
    {
      gtk_editable_set_text (GTK_EDITABLE (row), "");
      gtk_widget_grab_focus (GTK_WIDGET (row));
    }
}

static GtkWidget *
icon_button (const char         *icon,
             const char         *tooltip,
             guint               index,
             int                 delta,
             GCallback           callback,
             PwGradeScaleDialog *self)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  g_object_set_data (G_OBJECT (button), "index", GUINT_TO_POINTER (index));
  g_object_set_data (G_OBJECT (button), "delta", GINT_TO_POINTER (delta));
  g_signal_connect_object (button, "clicked", callback, self, 0);
  return button;
}

static void
rebuild (PwGradeScaleDialog *self)
{
  g_auto(GStrv) grades = current_scale (self);
  GtkWidget *child;
  guint n = grades ? g_strv_length (grades) : 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);

  if (n == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No grades yet"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                   _("Add the lowest grade first, e.g. “Band 1” or “Associate”."));
      gtk_list_box_append (self->list, row);
      return;
    }

  for (guint i = 0; i < n; i++)
    {
      GtkWidget *row = adw_entry_row_new ();
      GtkWidget *up = icon_button ("go-up-symbolic", _("Move Up"), i, -1, G_CALLBACK (move_clicked_cb), self);
      GtkWidget *down = icon_button ("go-down-symbolic", _("Move Down"), i, +1, G_CALLBACK (move_clicked_cb), self);
      g_autofree char *title = g_strdup_printf (_("Grade %u"), i + 1);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (row), TRUE);
      gtk_editable_set_text (GTK_EDITABLE (row), grades[i]);
      g_object_set_data (G_OBJECT (row), "index", GUINT_TO_POINTER (i));
      gtk_widget_set_sensitive (up, i > 0);
      gtk_widget_set_sensitive (down, i + 1 < n);
      adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), up);
      adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), down);
      adw_entry_row_add_suffix (ADW_ENTRY_ROW (row),
                                icon_button ("user-trash-symbolic", _("Remove Grade"), i, 0,
                                             G_CALLBACK (remove_clicked_cb), self));
      g_signal_connect_object (row, "apply", G_CALLBACK (rename_applied_cb), self, 0);
      gtk_list_box_append (self->list, row);
    }
}

static void
pw_grade_scale_dialog_dispose (GObject *object)
{
  PwGradeScaleDialog *self = (PwGradeScaleDialog *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), PW_TYPE_GRADE_SCALE_DIALOG);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (pw_grade_scale_dialog_parent_class)->dispose (object);
}

static void
pw_grade_scale_dialog_class_init (PwGradeScaleDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pw_grade_scale_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/pairwise/Pairwise/pw-grade-scale-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, PwGradeScaleDialog, toasts);
  gtk_widget_class_bind_template_child (widget_class, PwGradeScaleDialog, list);
  gtk_widget_class_bind_template_child (widget_class, PwGradeScaleDialog, new_row);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
pw_grade_scale_dialog_init (PwGradeScaleDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect_object (self->new_row, "apply", G_CALLBACK (new_applied_cb), self, 0);
}

GtkWidget *
pw_grade_scale_dialog_new (PwStore *store)
{
  PwGradeScaleDialog *self;

  g_return_val_if_fail (PW_IS_STORE (store), NULL);

  self = g_object_new (PW_TYPE_GRADE_SCALE_DIALOG, NULL);
  self->store = g_object_ref (store);
  rebuild (self);

  return GTK_WIDGET (self);
}

/* For tests: the rows as they are shown. */
GtkListBox *
pw_grade_scale_dialog_get_list (PwGradeScaleDialog *self)
{
  g_return_val_if_fail (PW_IS_GRADE_SCALE_DIALOG (self), NULL);

  return self->list;
}

AdwEntryRow *
pw_grade_scale_dialog_get_new_row (PwGradeScaleDialog *self)
{
  g_return_val_if_fail (PW_IS_GRADE_SCALE_DIALOG (self), NULL);

  return self->new_row;
}
