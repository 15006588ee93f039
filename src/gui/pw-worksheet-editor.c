/* pw-worksheet-editor.c — one worksheet of a pair, saved as it is typed
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The form is made from the kind's list of fields, so the four kinds share
 * one editor: GROW and SAND as a column of questions, SWOT as its four
 * quadrants, a force field with its forces and their diagram. Each pause
 * in typing saves a version; the core skips a save that changes nothing,
 * so the history holds what was written, not every keystroke.
 */
#include "config.h"

#define G_LOG_DOMAIN "pw-worksheet-editor"

#include <glib/gi18n.h>

#include "pw-force-field-diagram.h"
#include "pw-gui-utils.h"
#include "pw-workspace-print.h"
#include "pw-workspace-window.h"
#include "pw-worksheet-editor.h"

struct _PwWorksheetEditor
{
  AdwBin               parent_instance;

  PwStore             *store;
  gint64               pair_id;
  PwWorksheetKind      kind;
  char                *subtitle;
  PwWorksheet         *worksheet;   /* the latest: what is edited */
  PwWorksheet         *shown;       /* the latest, or an old version */
  GListModel          *versions;    /* PwWorksheet, newest first */
  guint                save_id;
  guint                loading : 1;

  /* Template widgets */
  GtkRevealer         *history_revealer;
  GtkLabel            *history_label;
  GtkLabel            *saved_label;
  GtkDropDown         *history_dropdown;
  GtkStringList       *history_model;
  GtkBox              *fields_box;
};

G_DEFINE_FINAL_TYPE (PwWorksheetEditor, pw_worksheet_editor, ADW_TYPE_BIN)

static void build_form (PwWorksheetEditor *self);

/* Helpers */

static gboolean
read_only (PwWorksheetEditor *self)
{
  return self->shown != self->worksheet;
}

static char *
format_saved (PwWorksheet *worksheet)
{
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) local = NULL;
  g_autofree char *day = NULL;
  g_autofree char *date = NULL;
  g_autofree char *time = NULL;
  const char *saved = pw_worksheet_get_saved (worksheet);

  if (saved == NULL || *saved == '\0' ||
      (utc = g_date_time_new_from_iso8601 (saved, NULL)) == NULL)
    return g_strdup (saved != NULL ? saved : "");

  local = g_date_time_to_local (utc);
  day = g_date_time_format (local, "%Y-%m-%d");
  date = pw_format_date (day, TRUE);
  time = g_date_time_format (local, "%H:%M");
  /* Translators: when a worksheet was saved: a date, then a time */
  return g_strdup_printf (_("%s at %s"), date, time);
}

static char *
version_label (PwWorksheet *worksheet)
{
  g_autofree char *saved = format_saved (worksheet);

  /* Translators: an entry of a worksheet's history */
  return g_strdup_printf (_("Version %d · %s"), pw_worksheet_get_version (worksheet), saved);
}

static void
update_saved_label (PwWorksheetEditor *self)
{
  g_autofree char *text = NULL;

  if (pw_worksheet_get_version (self->worksheet) == 0)
    text = g_strdup (_("Not saved yet: the worksheet is saved as you type"));
  else
    {
      g_autofree char *saved = format_saved (self->worksheet);

      /* Translators: the latest version of a worksheet and when it was saved */
      text = g_strdup_printf (_("Saved as version %d, %s"), pw_worksheet_get_version (self->worksheet), saved);
    }

  gtk_label_set_label (self->saved_label, text);
}

static void
load_versions (PwWorksheetEditor *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  guint n;

  g_clear_object (&self->versions);
  self->versions = pw_worksheet_list_versions (self->store, self->pair_id, self->kind, &error);
  if (self->versions == NULL)
    {
      pw_workspace_window_show_error (GTK_WIDGET (self), error);
      self->versions = G_LIST_MODEL (g_list_store_new (PW_TYPE_WORKSHEET));
    }

  g_ptr_array_add (labels, g_strdup (_("Latest")));
  n = g_list_model_get_n_items (self->versions);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PwWorksheet) version = g_list_model_get_item (self->versions, i);

      g_ptr_array_add (labels, version_label (version));
    }
  g_ptr_array_add (labels, NULL);

  self->loading = TRUE;
  gtk_string_list_splice (self->history_model, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->history_model)),
                          (const char * const *) labels->pdata);
  gtk_drop_down_set_selected (self->history_dropdown, 0);
  gtk_widget_set_sensitive (GTK_WIDGET (self->history_dropdown), n > 0);
  self->loading = FALSE;

  update_saved_label (self);
}

static gboolean
save_now (PwWorksheetEditor *self)
{
  g_autoptr(GError) error = NULL;
  int before = pw_worksheet_get_version (self->worksheet);

  g_clear_handle_id (&self->save_id, g_source_remove);

  if (!pw_worksheet_save (self->store, self->worksheet, &error))
    {
      pw_workspace_window_show_error (GTK_WIDGET (self), error);
      return FALSE;
    }

  if (pw_worksheet_get_version (self->worksheet) != before)
    load_versions (self);

  return TRUE;
}

static gboolean
save_timeout_cb (gpointer data)
{
  PwWorksheetEditor *self = data;

  self->save_id = 0;
  save_now (self);

  return G_SOURCE_REMOVE;
}

static void
schedule_save (PwWorksheetEditor *self)
{
  g_clear_handle_id (&self->save_id, g_source_remove);
  self->save_id = g_timeout_add (PW_WORKSHEET_SAVE_DELAY_MS, save_timeout_cb, self);
}

/* The form */

static void
text_changed_cb (PwWorksheetEditor *self,
                 GtkTextBuffer     *buffer)
{
  const char *field = g_object_get_data (G_OBJECT (buffer), "pw-field");
  g_autofree char *text = NULL;
  GtkTextIter start, end;

  if (self->loading || read_only (self))
    return;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  pw_worksheet_set_field (self->worksheet, field, text);
  schedule_save (self);
}

static GtkWidget *
field_new (PwWorksheetEditor *self,
           const char        *field)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *heading = gtk_label_new (pw_worksheet_field_label (self->kind, field));
  GtkWidget *prompt = gtk_label_new (pw_worksheet_field_prompt (self->kind, field));
  GtkWidget *view = gtk_text_view_new ();
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  const char *value = pw_worksheet_get_field (self->shown, field);

  gtk_widget_add_css_class (box, "pw-worksheet-field");
  gtk_widget_set_hexpand (box, TRUE);

  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_widget_add_css_class (heading, "heading");
  gtk_label_set_xalign (GTK_LABEL (prompt), 0);
  gtk_label_set_wrap (GTK_LABEL (prompt), TRUE);
  gtk_widget_add_css_class (prompt, "dim-label");

  gtk_widget_set_name (view, field);
  gtk_widget_set_size_request (view, -1, self->kind == PW_WORKSHEET_SWOT ? 140 : 96);
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (view), FALSE);
  gtk_text_view_set_editable (GTK_TEXT_VIEW (view), !read_only (self));
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 10);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 10);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 12);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 12);
  gtk_widget_set_vexpand (view, TRUE);
  gtk_widget_add_css_class (view, "card");
  gtk_widget_add_css_class (view, "pw-text-card");
  gtk_accessible_update_property (GTK_ACCESSIBLE (view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, pw_worksheet_field_label (self->kind, field),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, pw_worksheet_field_prompt (self->kind, field),
                                  -1);

  gtk_text_buffer_set_text (buffer, value != NULL ? value : "", -1);
  g_object_set_data (G_OBJECT (buffer), "pw-field", (gpointer) field);
  g_signal_connect_object (buffer, "changed", G_CALLBACK (text_changed_cb), self, G_CONNECT_SWAPPED);

  gtk_box_append (GTK_BOX (box), heading);
  gtk_box_append (GTK_BOX (box), prompt);
  gtk_box_append (GTK_BOX (box), view);

  return box;
}

/* Forces */

static PwForceDirection
direction_of (GtkWidget *row)
{
  return GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (gtk_widget_get_parent (row)), "pw-direction"));
}

static void
force_description_changed_cb (PwWorksheetEditor *self,
                              GtkEditable       *row)
{
  PwForce *force = g_object_get_data (G_OBJECT (row), "pw-force");

  if (self->loading || read_only (self))
    return;

  pw_force_set_description (force, gtk_editable_get_text (row));
  schedule_save (self);
}

static void
force_strength_changed_cb (PwWorksheetEditor *self,
                           GtkSpinButton     *spin)
{
  PwForce *force = g_object_get_data (G_OBJECT (spin), "pw-force");

  if (self->loading || read_only (self))
    return;

  pw_force_set_strength (force, gtk_spin_button_get_value_as_int (spin));
  schedule_save (self);
}

static void
force_remove_clicked_cb (PwWorksheetEditor *self,
                         GtkButton         *button)
{
  GtkWidget *row = g_object_get_data (G_OBJECT (button), "pw-row");
  PwForce *force = g_object_get_data (G_OBJECT (row), "pw-force");
  PwForceDirection direction = direction_of (row);
  GListModel *forces = pw_worksheet_get_forces (self->worksheet, direction);
  guint n = g_list_model_get_n_items (forces);

  if (read_only (self))
    return;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PwForce) item = g_list_model_get_item (forces, i);

      if (item == force)
        {
          pw_worksheet_remove_force (self->worksheet, direction, i);
          schedule_save (self);
          return;
        }
    }
}

static GtkWidget *
create_force_row (gpointer item,
                  gpointer user_data)
{
  PwWorksheetEditor *self = user_data;
  PwForce *force = item;
  GtkWidget *row = adw_entry_row_new ();
  GtkWidget *spin = gtk_spin_button_new_with_range (PW_FORCE_STRENGTH_MIN, PW_FORCE_STRENGTH_MAX, 1);
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Force"));
  gtk_editable_set_text (GTK_EDITABLE (row), pw_force_get_description (force));
  gtk_editable_set_editable (GTK_EDITABLE (row), !read_only (self));
  g_object_set_data_full (G_OBJECT (row), "pw-force", g_object_ref (force), g_object_unref);

  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), pw_force_get_strength (force));
  gtk_spin_button_set_numeric (GTK_SPIN_BUTTON (spin), TRUE);
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  gtk_widget_set_sensitive (spin, !read_only (self));
  gtk_widget_set_tooltip_text (spin, _("Strength, from 1 to 5"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (spin),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Strength"),
                                  -1);
  g_object_set_data (G_OBJECT (spin), "pw-force", force);
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), spin);

  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_tooltip_text (remove, _("Remove Force"));
  gtk_widget_set_visible (remove, !read_only (self));
  g_object_set_data (G_OBJECT (remove), "pw-row", row);
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), remove);

  g_signal_connect_object (row, "changed", G_CALLBACK (force_description_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (spin, "value-changed", G_CALLBACK (force_strength_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (remove, "clicked", G_CALLBACK (force_remove_clicked_cb), self, G_CONNECT_SWAPPED);

  return row;
}

static GtkWidget *
forces_group_new (PwWorksheetEditor *self,
                  PwForceDirection   direction)
{
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *list = gtk_list_box_new ();
  GtkWidget *placeholder = gtk_label_new (_("No forces yet"));
  GtkWidget *add = gtk_button_new ();
  GtkWidget *add_content = adw_button_content_new ();

  if (direction == PW_FORCE_FOR)
    {
      adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Forces For the Change"));
      adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                             _("What helps: people, resources, reasons, habits"));
      gtk_widget_set_tooltip_text (add, _("Add a Force For"));
      gtk_actionable_set_action_target (GTK_ACTIONABLE (add), "s", "for");
    }
  else
    {
      adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Forces Against the Change"));
      adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                             _("What holds it back: obstacles, doubts, competing demands"));
      gtk_widget_set_tooltip_text (add, _("Add a Force Against"));
      gtk_actionable_set_action_target (GTK_ACTIONABLE (add), "s", "against");
    }

  adw_button_content_set_icon_name (ADW_BUTTON_CONTENT (add_content), "list-add-symbolic");
  adw_button_content_set_label (ADW_BUTTON_CONTENT (add_content), _("_Add"));
  adw_button_content_set_use_underline (ADW_BUTTON_CONTENT (add_content), TRUE);
  gtk_button_set_child (GTK_BUTTON (add), add_content);
  gtk_widget_add_css_class (add, "flat");
  gtk_widget_set_valign (add, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (add), "worksheet.add-force");
  gtk_widget_set_visible (add, !read_only (self));
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (group), add);

  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_widget_set_margin_top (placeholder, 12);
  gtk_widget_set_margin_bottom (placeholder, 12);
  gtk_list_box_set_placeholder (GTK_LIST_BOX (list), placeholder);
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_widget_set_name (list, direction == PW_FORCE_FOR ? "forces-for" : "forces-against");
  gtk_accessible_update_property (GTK_ACCESSIBLE (list),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  direction == PW_FORCE_FOR ? _("Forces for the change") : _("Forces against the change"),
                                  -1);
  g_object_set_data (G_OBJECT (list), "pw-direction", GUINT_TO_POINTER (direction));
  gtk_list_box_bind_model (GTK_LIST_BOX (list), pw_worksheet_get_forces (self->shown, direction),
                           create_force_row, self, NULL);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), list);

  return group;
}

static void
build_form (PwWorksheetEditor *self)
{
  const char * const *fields = pw_worksheet_kind_get_fields (self->kind);
  GtkWidget *child;

  self->loading = TRUE;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->fields_box))) != NULL)
    gtk_box_remove (self->fields_box, child);

  switch (self->kind)
    {
    case PW_WORKSHEET_SWOT:
      {
        /* The four quadrants: strengths and weaknesses inside, opportunities
         * and threats outside. */
        GtkWidget *grid = gtk_grid_new ();

        gtk_grid_set_row_spacing (GTK_GRID (grid), 18);
        gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
        gtk_grid_set_column_homogeneous (GTK_GRID (grid), TRUE);
        for (guint i = 0; fields[i] != NULL; i++)
          gtk_grid_attach (GTK_GRID (grid), field_new (self, fields[i]), i % 2, i / 2, 1, 1);
        gtk_box_append (self->fields_box, grid);
      }
      break;

    case PW_WORKSHEET_FORCE_FIELD:
      {
        GtkWidget *diagram = pw_force_field_diagram_new ();
        GtkWidget *frame = gtk_frame_new (NULL);

        gtk_box_append (self->fields_box, field_new (self, fields[0]));

        pw_force_field_diagram_set_worksheet (PW_FORCE_FIELD_DIAGRAM (diagram), self->shown);
        gtk_widget_set_margin_top (diagram, 12);
        gtk_widget_set_margin_bottom (diagram, 12);
        gtk_frame_set_child (GTK_FRAME (frame), diagram);
        gtk_widget_add_css_class (frame, "view");
        gtk_box_append (self->fields_box, frame);

        gtk_box_append (self->fields_box, forces_group_new (self, PW_FORCE_FOR));
        gtk_box_append (self->fields_box, forces_group_new (self, PW_FORCE_AGAINST));

        for (guint i = 1; fields[i] != NULL; i++)
          gtk_box_append (self->fields_box, field_new (self, fields[i]));
      }
      break;

    case PW_WORKSHEET_GROW:
    case PW_WORKSHEET_SAND:
    default:
      for (guint i = 0; fields[i] != NULL; i++)
        gtk_box_append (self->fields_box, field_new (self, fields[i]));
      break;
    }

  self->loading = FALSE;
}

static void
show (PwWorksheetEditor *self,
      PwWorksheet       *worksheet)
{
  g_set_object (&self->shown, worksheet);

  if (read_only (self))
    {
      g_autofree char *saved = format_saved (worksheet);
      g_autofree char *text = NULL;

      /* Translators: the bar over an old version of a worksheet */
      text = g_strdup_printf (_("Version %d, saved %s. Old versions are read-only: restore one to go on from it."),
                              pw_worksheet_get_version (worksheet), saved);
      gtk_label_set_label (self->history_label, text);
    }

  gtk_revealer_set_reveal_child (self->history_revealer, read_only (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "worksheet.restore", read_only (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "worksheet.show-latest", read_only (self));
  build_form (self);
}

/* Signal callbacks */

static void
history_selected_cb (PwWorksheetEditor *self)
{
  guint selected = gtk_drop_down_get_selected (self->history_dropdown);
  g_autoptr(PwWorksheet) version = NULL;

  if (self->loading)
    return;

  if (selected == 0 || selected == GTK_INVALID_LIST_POSITION)
    {
      show (self, self->worksheet);
      return;
    }

  version = g_list_model_get_item (self->versions, selected - 1);
  if (version == NULL)
    return;

  /* The newest saved version is what the latest already shows. */
  if (pw_worksheet_get_version (version) == pw_worksheet_get_version (self->worksheet))
    show (self, self->worksheet);
  else
    show (self, version);
}

/* Actions */

static void
add_force_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  PwWorksheetEditor *self = PW_WORKSHEET_EDITOR (widget);
  const char *direction = g_variant_get_string (parameter, NULL);

  if (read_only (self) || self->kind != PW_WORKSHEET_FORCE_FIELD)
    return;

  pw_worksheet_add_force (self->worksheet,
                          g_str_equal (direction, "against") ? PW_FORCE_AGAINST : PW_FORCE_FOR,
                          "", 3);
  schedule_save (self);
}

static void
show_latest_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  pw_worksheet_editor_show_version (PW_WORKSHEET_EDITOR (widget), 0);
}

static void
restore_activated (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  PwWorksheetEditor *self = PW_WORKSHEET_EDITOR (widget);
  g_autoptr(PwWorksheet) old = NULL;
  const char * const *fields = pw_worksheet_kind_get_fields (self->kind);

  if (!read_only (self))
    return;

  old = g_object_ref (self->shown);
  for (guint i = 0; fields[i] != NULL; i++)
    pw_worksheet_set_field (self->worksheet, fields[i], pw_worksheet_get_field (old, fields[i]));

  if (self->kind == PW_WORKSHEET_FORCE_FIELD)
    for (guint d = PW_FORCE_FOR; d <= PW_FORCE_AGAINST; d++)
      {
        GListModel *forces = pw_worksheet_get_forces (old, d);

        while (g_list_model_get_n_items (pw_worksheet_get_forces (self->worksheet, d)) > 0)
          pw_worksheet_remove_force (self->worksheet, d, 0);
        for (guint i = 0; i < g_list_model_get_n_items (forces); i++)
          {
            g_autoptr(PwForce) force = g_list_model_get_item (forces, i);

            pw_worksheet_add_force (self->worksheet, d, pw_force_get_description (force),
                                    pw_force_get_strength (force));
          }
      }

  /* Restoring is a new version: the history keeps what it replaced. */
  save_now (self);
  show (self, self->worksheet);
  load_versions (self);
}

static void
print_activated (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  PwWorksheetEditor *self = PW_WORKSHEET_EDITOR (widget);
  g_autoptr(PwPrintDocument) doc = NULL;
  g_autoptr(GError) error = NULL;

  if (!read_only (self))
    pw_worksheet_editor_flush (self);

  doc = pw_print_document_new_worksheet (self->shown, self->subtitle);
  if (!pw_print_document_run (g_steal_pointer (&doc), GTK_WINDOW (gtk_widget_get_root (widget)), NULL, &error))
    pw_workspace_window_show_error (widget, error);
}

/* Overrides */

static void
pw_worksheet_editor_dispose (GObject *object)
{
  PwWorksheetEditor *self = PW_WORKSHEET_EDITOR (object);

  /* Closing the window must not lose the last words typed. */
  if (self->save_id != 0)
    save_now (self);

  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), PW_TYPE_WORKSHEET_EDITOR);
  g_clear_object (&self->shown);
  g_clear_object (&self->worksheet);
  g_clear_object (&self->versions);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (pw_worksheet_editor_parent_class)->dispose (object);
}

static void
pw_worksheet_editor_finalize (GObject *object)
{
  PwWorksheetEditor *self = PW_WORKSHEET_EDITOR (object);

  g_free (self->subtitle);

  G_OBJECT_CLASS (pw_worksheet_editor_parent_class)->finalize (object);
}

static void
pw_worksheet_editor_class_init (PwWorksheetEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pw_worksheet_editor_dispose;
  object_class->finalize = pw_worksheet_editor_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/pw-worksheet-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, PwWorksheetEditor, history_revealer);
  gtk_widget_class_bind_template_child (widget_class, PwWorksheetEditor, history_label);
  gtk_widget_class_bind_template_child (widget_class, PwWorksheetEditor, saved_label);
  gtk_widget_class_bind_template_child (widget_class, PwWorksheetEditor, history_dropdown);
  gtk_widget_class_bind_template_child (widget_class, PwWorksheetEditor, history_model);
  gtk_widget_class_bind_template_child (widget_class, PwWorksheetEditor, fields_box);

  gtk_widget_class_install_action (widget_class, "worksheet.add-force", "s", add_force_activated);
  gtk_widget_class_install_action (widget_class, "worksheet.show-latest", NULL, show_latest_activated);
  gtk_widget_class_install_action (widget_class, "worksheet.restore", NULL, restore_activated);
  gtk_widget_class_install_action (widget_class, "worksheet.print", NULL, print_activated);
}

static void
pw_worksheet_editor_init (PwWorksheetEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect_object (self->history_dropdown, "notify::selected",
                           G_CALLBACK (history_selected_cb), self,
                           G_CONNECT_SWAPPED);
}

/* Public API */

GtkWidget *
pw_worksheet_editor_new (PwStore         *store,
                         gint64           pair_id,
                         PwWorksheetKind  kind,
                         const char      *subtitle)
{
  PwWorksheetEditor *self;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (PW_IS_STORE (store), NULL);
  g_return_val_if_fail (pair_id > 0, NULL);

  self = g_object_new (PW_TYPE_WORKSHEET_EDITOR, NULL);
  self->store = g_object_ref (store);
  self->pair_id = pair_id;
  self->kind = kind;
  self->subtitle = g_strdup (subtitle);

  self->worksheet = pw_worksheet_load (store, pair_id, kind, 0, &error);
  if (self->worksheet == NULL)
    {
      g_message ("Cannot load the %s worksheet: %s", pw_worksheet_kind_to_string (kind), error->message);
      self->worksheet = pw_worksheet_new (pair_id, kind);
    }

  load_versions (self);
  show (self, self->worksheet);

  return GTK_WIDGET (self);
}

PwWorksheet *
pw_worksheet_editor_get_worksheet (PwWorksheetEditor *self)
{
  g_return_val_if_fail (PW_IS_WORKSHEET_EDITOR (self), NULL);

  return self->worksheet;
}

void
pw_worksheet_editor_flush (PwWorksheetEditor *self)
{
  g_return_if_fail (PW_IS_WORKSHEET_EDITOR (self));

  if (self->save_id != 0)
    save_now (self);
}

gboolean
pw_worksheet_editor_export_pdf (PwWorksheetEditor  *self,
                                const char         *path,
                                GError            **error)
{
  PwPrintDocument *doc;

  g_return_val_if_fail (PW_IS_WORKSHEET_EDITOR (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  pw_worksheet_editor_flush (self);
  doc = pw_print_document_new_worksheet (self->shown, self->subtitle);

  return pw_print_document_run (doc, GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), path, error);
}

void
pw_worksheet_editor_show_version (PwWorksheetEditor *self,
                                  int                version)
{
  guint n;

  g_return_if_fail (PW_IS_WORKSHEET_EDITOR (self));

  if (version <= 0)
    {
      gtk_drop_down_set_selected (self->history_dropdown, 0);
      show (self, self->worksheet);
      return;
    }

  n = g_list_model_get_n_items (self->versions);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PwWorksheet) item = g_list_model_get_item (self->versions, i);

      if (pw_worksheet_get_version (item) == version)
        {
          gtk_drop_down_set_selected (self->history_dropdown, i + 1);
          return;
        }
    }
}
