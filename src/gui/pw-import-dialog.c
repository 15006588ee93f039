/* pw-import-dialog.c — people from a CSV file: map, validate, import
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Choose a file, see its first rows, say what each column holds, then
 * Validate: every problem of the file is listed with its line and column
 * before anything is written, and Import stays off until there are none.
 * The import runs in a worker thread in one transaction, so it is all or
 * nothing, and Cancel rolls it back. While it runs the store belongs to
 * that thread: the dialog says so through its "busy" property.
 */
#include "config.h"

#define G_LOG_DOMAIN "pw-import-dialog"

#include <glib/gi18n.h>

#include "pw-gui-utils.h"
#include "pw-import-dialog.h"
#include "pw-person-private.h"
#include "pw-window.h"

/* Rows shown in the preview, and problems listed in the report. */
#define PREVIEW_ROWS  5
#define REPORT_ROWS   200

struct _PwImportDialog
{
  AdwWindow         parent_instance;

  PwStore          *store;
  PwProgramme      *programme;
  PwPeopleImport   *import;
  GCancellable     *cancellable;
  GPtrArray        *column_rows;   /* AdwComboRow, one a CSV column */
  GtkStringList    *field_labels;  /* shared by the column rows */

  guint             busy : 1;
  guint             validated : 1; /* validated since the last change, no problems */
  guint             loading : 1;

  /* Template widgets */
  GtkStack         *stack;
  AdwActionRow     *file_row;
  AdwPreferencesGroup *report_group;
  GtkListBox       *report_list;
  GtkColumnView    *preview_view;
  AdwPreferencesGroup *columns_group;
  GtkCheckButton   *update_check;
  GtkCheckButton   *skip_check;
  GtkProgressBar   *progress_bar;
  GtkWidget        *validate_button;
  GtkWidget        *import_button;
  GtkScrolledWindow *map_scroller;
};

G_DEFINE_FINAL_TYPE (PwImportDialog, pw_import_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  PROP_PROGRAMME,
  PROP_BUSY,
  N_PROPS
};

enum {
  IMPORTED,
  N_SIGNALS
};

static GParamSpec *properties [N_PROPS];
static guint signals [N_SIGNALS];

/* The column rows' choices: Ignore, the manager, then each field. */
#define CHOICE_IGNORE  0
#define CHOICE_MANAGER 1
#define CHOICE_FIRST_FIELD 2

static const char *
choice_to_field (guint choice)
{
  if (choice == CHOICE_IGNORE || choice == GTK_INVALID_LIST_POSITION)
    return "";
  if (choice == CHOICE_MANAGER)
    return PW_PEOPLE_IMPORT_FIELD_MANAGER;
  if (choice - CHOICE_FIRST_FIELD < PW_PERSON_N_FIELDS)
    return pw_person_fields[choice - CHOICE_FIRST_FIELD].name;
  return "";
}

static guint
field_to_choice (const char *field)
{
  int index;

  if (field == NULL || field[0] == '\0')
    return CHOICE_IGNORE;
  if (g_str_equal (field, PW_PEOPLE_IMPORT_FIELD_MANAGER))
    return CHOICE_MANAGER;

  index = pw_person_field_index (field);
  return index >= 0 ? CHOICE_FIRST_FIELD + index : CHOICE_IGNORE;
}

static void
set_busy (PwImportDialog *self,
          gboolean        busy)
{
  if (self->busy == !!busy)
    return;

  self->busy = !!busy;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_BUSY]);
}

static void
update_actions (PwImportDialog *self)
{
  gboolean have_file = self->import != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.validate", have_file && !self->busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.run", have_file && self->validated && !self->busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.choose", !self->busy);
  gtk_widget_set_visible (self->validate_button, have_file && !self->busy);
  gtk_widget_set_visible (self->import_button, have_file && !self->busy);
}

static void
clear_report (PwImportDialog *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->report_list))) != NULL)
    gtk_list_box_remove (self->report_list, child);
  gtk_widget_set_visible (GTK_WIDGET (self->report_group), FALSE);
}

/* Anything that changes what would be imported asks for a new check. */
static void
invalidate (PwImportDialog *self)
{
  self->validated = FALSE;
  clear_report (self);
  update_actions (self);
}

static GtkWidget *
report_row (const char *icon_name,
            const char *style,
            const char *title,
            const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon = gtk_image_new_from_icon_name (icon_name);

  /* Messages quote the file's text: never markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_add_css_class (icon, style);
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, NULL, -1);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);

  return row;
}

static void
show_problems (PwImportDialog *self)
{
  GPtrArray *problems = pw_people_import_get_problems (self->import);
  guint n = pw_people_import_get_n_problems (self->import);
  g_autofree char *title = NULL;

  clear_report (self);

  /* Translators: the heading of the validation report */
  title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u Problem", "%u Problems", n), n);
  adw_preferences_group_set_title (self->report_group, title);
  adw_preferences_group_set_description (self->report_group,
                                         _("Nothing has been imported. Correct the file and choose it "
                                           "again, or change what its columns hold, then validate again."));

  for (guint i = 0; problems != NULL && i < problems->len && i < REPORT_ROWS; i++)
    {
      const PwImportProblem *problem = problems->pdata[i];
      g_autofree char *where = NULL;

      /* Translators: where a problem is in a file: a line number and a column's header */
      where = g_strdup_printf (_("Line %u, column “%s”"), problem->line, problem->column);
      gtk_list_box_append (self->report_list,
                           report_row ("dialog-warning-symbolic", "warning", problem->message, where));
    }

  if (n > MIN (REPORT_ROWS, problems != NULL ? problems->len : 0))
    {
      guint more = n - MIN (REPORT_ROWS, problems != NULL ? problems->len : 0);
      g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "And %u more problem",
                                                            "And %u more problems", more),
                                               more);

      gtk_list_box_append (self->report_list, report_row ("view-more-symbolic", "dim-label", text, NULL));
    }

  gtk_widget_set_visible (GTK_WIDGET (self->report_group), TRUE);
}

static void
show_ready (PwImportDialog              *self,
            const PwPeopleImportSummary *summary)
{
  guint total = summary->added + summary->updated + summary->skipped;
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;

  clear_report (self);
  adw_preferences_group_set_title (self->report_group, _("No Problems Found"));
  adw_preferences_group_set_description (self->report_group, NULL);

  title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                        "Ready to import %u person",
                                        "Ready to import %u people", total),
                           total);
  if (pw_people_import_get_existing (self->import) == PW_PEOPLE_IMPORT_SKIP)
    /* Translators: what an import will do: people added, people left as they are */
    subtitle = g_strdup_printf (_("%u new, %u already in the directory and left as they are"),
                                summary->added, summary->skipped);
  else
    /* Translators: what an import will do: people added, people updated */
    subtitle = g_strdup_printf (_("%u new, %u already in the directory and updated"),
                                summary->added, summary->updated);

  gtk_list_box_append (self->report_list,
                       report_row ("emblem-ok-symbolic", "success", title, subtitle));
  gtk_widget_set_visible (GTK_WIDGET (self->report_group), TRUE);
}

static void
validate (PwImportDialog *self)
{
  PwPeopleImportSummary summary = { 0 };
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (self->import == NULL || self->busy)
    return;

  /* A dry run: the same checks as the import, and what it would do. */
  pw_people_import_set_dry_run (self->import, TRUE);
  ok = pw_people_import_run (self->import, self->store, NULL, NULL, NULL, &summary, &error);
  pw_people_import_set_dry_run (self->import, FALSE);

  self->validated = ok;
  if (ok)
    show_ready (self, &summary);
  else if (pw_people_import_get_n_problems (self->import) > 0)
    show_problems (self);
  else
    {
      clear_report (self);
      adw_preferences_group_set_title (self->report_group, _("The File Cannot Be Imported"));
      adw_preferences_group_set_description (self->report_group, NULL);
      gtk_list_box_append (self->report_list,
                           report_row ("dialog-error-symbolic", "error", error->message, NULL));
      gtk_widget_set_visible (GTK_WIDGET (self->report_group), TRUE);
    }

  update_actions (self);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->map_scroller), 0);
}

/* Preview and mapping */

static void
setup_preview_cell_cb (GtkSignalListItemFactory *factory,
                       GtkListItem              *item)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_single_line_mode (GTK_LABEL (label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 24);
  gtk_list_item_set_child (item, label);
}

static void
bind_preview_cell_cb (GtkSignalListItemFactory *factory,
                      GtkListItem              *item,
                      PwImportDialog           *self)
{
  guint column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (factory), "pw-column"));
  GtkStringObject *string = gtk_list_item_get_item (item);
  guint record = (guint) g_ascii_strtoull (gtk_string_object_get_string (string), NULL, 10);
  PwCsvTable *table;
  const char *text = NULL;

  if (self->import == NULL)
    return;

  table = pw_people_import_get_table (self->import);
  if (column < pw_csv_table_get_n_fields (table, record))
    text = pw_csv_table_get_field (table, record, column);

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)), text != NULL ? text : "");
}

static void
clear_columns (PwImportDialog *self)
{
  GListModel *columns = gtk_column_view_get_columns (self->preview_view);

  while (g_list_model_get_n_items (columns) > 0)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, 0);
      gtk_column_view_remove_column (self->preview_view, column);
    }

  for (guint i = 0; i < self->column_rows->len; i++)
    adw_preferences_group_remove (self->columns_group, self->column_rows->pdata[i]);
  g_ptr_array_set_size (self->column_rows, 0);
}

static void
sync_mapping (PwImportDialog *self)
{
  self->loading = TRUE;
  for (guint i = 0; i < self->column_rows->len; i++)
    adw_combo_row_set_selected (self->column_rows->pdata[i],
                                field_to_choice (pw_people_import_get_mapping (self->import, i)));
  self->loading = FALSE;
}

static void
mapping_selected_cb (PwImportDialog *self,
                     GParamSpec     *pspec,
                     AdwComboRow    *row)
{
  guint column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "pw-column"));
  g_autoptr(GError) error = NULL;

  if (self->loading || self->import == NULL)
    return;

  if (!pw_people_import_set_mapping (self->import, column,
                                     choice_to_field (adw_combo_row_get_selected (row)), &error))
    g_warning ("%s", error->message);

  /* A field goes to one column: another column that had it now ignores. */
  sync_mapping (self);
  invalidate (self);
}

static void
existing_toggled_cb (PwImportDialog *self)
{
  if (self->import == NULL)
    return;

  pw_people_import_set_existing (self->import,
                                 gtk_check_button_get_active (self->skip_check)
                                 ? PW_PEOPLE_IMPORT_SKIP : PW_PEOPLE_IMPORT_UPDATE);
  invalidate (self);
}

static void
show_import (PwImportDialog *self)
{
  PwCsvTable *table = pw_people_import_get_table (self->import);
  guint n_columns = pw_people_import_get_n_columns (self->import);
  guint n_rows = pw_people_import_get_n_rows (self->import);
  g_autoptr(GtkStringList) records = gtk_string_list_new (NULL);
  g_autofree char *subtitle = NULL;

  clear_columns (self);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->file_row),
                                 pw_people_import_get_display_name (self->import));
  subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "%u person in the file",
                                           "%u people in the file", n_rows),
                              n_rows);
  adw_action_row_set_subtitle (self->file_row, subtitle);

  for (guint r = 1; r < pw_csv_table_get_n_records (table) && r <= PREVIEW_ROWS; r++)
    {
      char number[16];

      g_snprintf (number, sizeof number, "%u", r);
      gtk_string_list_append (records, number);
    }

  gtk_column_view_set_model (self->preview_view,
                             GTK_SELECTION_MODEL (gtk_no_selection_new (g_object_ref (G_LIST_MODEL (records)))));

  for (guint c = 0; c < n_columns; c++)
    {
      const char *header = pw_people_import_get_header (self->import, c);
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      g_autoptr(GtkColumnViewColumn) column = NULL;
      GtkWidget *row;
      const char *sample = NULL;

      g_object_set_data (G_OBJECT (factory), "pw-column", GUINT_TO_POINTER (c));
      g_signal_connect (factory, "setup", G_CALLBACK (setup_preview_cell_cb), NULL);
      g_signal_connect (factory, "bind", G_CALLBACK (bind_preview_cell_cb), self);
      column = gtk_column_view_column_new (header, factory);
      gtk_column_view_column_set_resizable (column, TRUE);
      gtk_column_view_append_column (self->preview_view, column);

      row = adw_combo_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), header);
      if (pw_csv_table_get_n_records (table) > 1 && c < pw_csv_table_get_n_fields (table, 1))
        sample = pw_csv_table_get_field (table, 1, c);
      if (sample != NULL && sample[0] != '\0')
        {
          /* Translators: the first value of a column, shown as an example */
          g_autofree char *example = g_strdup_printf (_("For example “%s”"), sample);
          adw_action_row_set_subtitle (ADW_ACTION_ROW (row), example);
        }
      adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (self->field_labels));
      g_object_set_data (G_OBJECT (row), "pw-column", GUINT_TO_POINTER (c));
      adw_preferences_group_add (self->columns_group, row);
      g_ptr_array_add (self->column_rows, row);
    }

  sync_mapping (self);
  for (guint c = 0; c < self->column_rows->len; c++)
    g_signal_connect_object (self->column_rows->pdata[c], "notify::selected",
                             G_CALLBACK (mapping_selected_cb), self, G_CONNECT_SWAPPED);

  pw_people_import_set_programme_id (self->import, pw_programme_get_id (self->programme));
  existing_toggled_cb (self);

  invalidate (self);
  gtk_stack_set_visible_child_name (self->stack, "map");
}

static void
show_file_error (PwImportDialog *self,
                 const GError   *error)
{
  g_clear_object (&self->import);
  clear_columns (self);
  invalidate (self);

  gtk_stack_set_visible_child_name (self->stack, "choose");
  adw_status_page_set_title (ADW_STATUS_PAGE (gtk_stack_get_child_by_name (self->stack, "choose")),
                             _("The File Cannot Be Read"));
  {
    g_autofree char *escaped = g_markup_escape_text (error->message, -1);
    adw_status_page_set_description (ADW_STATUS_PAGE (gtk_stack_get_child_by_name (self->stack, "choose")),
                                     escaped);
  }
}

/* Actions */

static void
file_chosen_cb (GtkNativeDialog *chooser,
                int              response,
                PwImportDialog  *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (file != NULL)
        pw_import_dialog_set_file (self, file, NULL);
    }

  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
  g_object_unref (self);
}

static void
choose_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  PwImportDialog *self = PW_IMPORT_DIALOG (widget);
  GtkFileChooserNative *chooser;

  chooser = pw_file_chooser_new (widget, _("Choose a CSV File"), GTK_FILE_CHOOSER_ACTION_OPEN,
                                 _("_Open"), _("_Cancel"));
  pw_file_chooser_add_filter (chooser, _("CSV files"), "text/csv", "*.csv", "*.CSV", NULL);
  pw_file_chooser_add_filter (chooser, _("All files"), NULL, "*", NULL);

  g_signal_connect (chooser, "response", G_CALLBACK (file_chosen_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
validate_activated (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  validate (PW_IMPORT_DIALOG (widget));
}

static void
progress_cb (double   fraction,
             gpointer user_data)
{
  PwImportDialog *self = user_data;

  gtk_progress_bar_set_fraction (self->progress_bar, CLAMP (fraction, 0.0, 1.0));
}

static void
run_finished_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(PwImportDialog) self = user_data;
  PwPeopleImportSummary summary = { 0 };
  g_autoptr(GError) error = NULL;
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  g_autofree char *title = NULL;
  guint total;

  g_clear_object (&self->cancellable);

  if (!pw_people_import_run_finish (PW_PEOPLE_IMPORT (object), result, &summary, &error))
    {
      set_busy (self, FALSE);
      gtk_stack_set_visible_child_name (self->stack, "map");

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          invalidate (self);
          return;
        }

      if (pw_people_import_get_n_problems (PW_PEOPLE_IMPORT (object)) > 0)
        show_problems (self);
      else
        {
          clear_report (self);
          adw_preferences_group_set_title (self->report_group, _("The Import Failed"));
          adw_preferences_group_set_description (self->report_group, _("Nothing has been imported."));
          gtk_list_box_append (self->report_list,
                               report_row ("dialog-error-symbolic", "error", error->message, NULL));
          gtk_widget_set_visible (GTK_WIDGET (self->report_group), TRUE);
        }
      self->validated = FALSE;
      update_actions (self);
      return;
    }

  set_busy (self, FALSE);

  total = summary.added + summary.updated + summary.skipped;
  if (summary.skipped > 0)
    /* Translators: the result of an import; the counts of people added, updated and skipped follow */
    title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "Imported %u person: %u added, %u updated, %u left as they were",
                                          "Imported %u people: %u added, %u updated, %u left as they were",
                                          total),
                             total, summary.added, summary.updated, summary.skipped);
  else
    title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "Imported %u person: %u added, %u updated",
                                          "Imported %u people: %u added, %u updated",
                                          total),
                             total, summary.added, summary.updated);

  g_signal_emit (self, signals [IMPORTED], 0, summary.added, summary.updated, summary.skipped);

  if (PW_IS_WINDOW (parent))
    pw_window_add_toast (PW_WINDOW (parent), adw_toast_new (title));

  gtk_window_destroy (GTK_WINDOW (self));
}

static void
run_activated (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  PwImportDialog *self = PW_IMPORT_DIALOG (widget);

  if (self->import == NULL || self->busy || !self->validated)
    return;

  self->cancellable = g_cancellable_new ();
  gtk_progress_bar_set_fraction (self->progress_bar, 0.0);
  gtk_stack_set_visible_child_name (self->stack, "progress");
  set_busy (self, TRUE);
  update_actions (self);

  pw_people_import_run_async (self->import, self->store,
                              progress_cb, g_object_ref (self), g_object_unref,
                              self->cancellable,
                              run_finished_cb, g_object_ref (self));
}

static void
cancel_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  PwImportDialog *self = PW_IMPORT_DIALOG (widget);

  if (self->busy)
    g_cancellable_cancel (self->cancellable);
  else
    gtk_window_close (GTK_WINDOW (self));
}

/* Overrides */

static gboolean
pw_import_dialog_close_request (GtkWindow *window)
{
  PwImportDialog *self = PW_IMPORT_DIALOG (window);

  /* The worker holds the store: stop it, and close once it has rolled back. */
  if (self->busy)
    {
      g_cancellable_cancel (self->cancellable);
      return TRUE;
    }

  return GTK_WINDOW_CLASS (pw_import_dialog_parent_class)->close_request (window);
}

static void
pw_import_dialog_dispose (GObject *object)
{
  PwImportDialog *self = PW_IMPORT_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), PW_TYPE_IMPORT_DIALOG);

  g_clear_object (&self->import);
  g_clear_object (&self->field_labels);
  g_clear_object (&self->programme);
  g_clear_object (&self->store);
  g_clear_pointer (&self->column_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (pw_import_dialog_parent_class)->dispose (object);
}

static void
pw_import_dialog_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  PwImportDialog *self = PW_IMPORT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_PROGRAMME:
      g_value_set_object (value, self->programme);
      break;

    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pw_import_dialog_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  PwImportDialog *self = PW_IMPORT_DIALOG (object);

  if (!pw_section_set_property (pspec, value, &self->store, &self->programme))
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
pw_import_dialog_class_init (PwImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = pw_import_dialog_dispose;
  object_class->get_property = pw_import_dialog_get_property;
  object_class->set_property = pw_import_dialog_set_property;
  window_class->close_request = pw_import_dialog_close_request;

  properties [PROP_STORE] = pw_param_spec_store ();
  properties [PROP_PROGRAMME] = pw_param_spec_programme ();

  /* TRUE while the import runs in its thread and owns the store. */
  properties [PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE |
                           G_PARAM_EXPLICIT_NOTIFY |
                           G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * PwImportDialog::imported:
   * @added: people new to the directory
   * @updated: people already there whose details changed
   * @skipped: people already there left as they were
   *
   * The import is committed; the dialog closes next.
   */
  signals [IMPORTED] =
    g_signal_new ("imported",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 3, G_TYPE_UINT, G_TYPE_UINT, G_TYPE_UINT);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/pw-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, PwImportDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, PwImportDialog, file_row);
  gtk_widget_class_bind_template_child (widget_class, PwImportDialog, report_group);
  gtk_widget_class_bind_template_child (widget_class, PwImportDialog, report_list);
  gtk_widget_class_bind_template_child (widget_class, PwImportDialog, preview_view);
  gtk_widget_class_bind_template_child (widget_class, PwImportDialog, columns_group);
  gtk_widget_class_bind_template_child (widget_class, PwImportDialog, update_check);
  gtk_widget_class_bind_template_child (widget_class, PwImportDialog, skip_check);
  gtk_widget_class_bind_template_child (widget_class, PwImportDialog, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, PwImportDialog, validate_button);
  gtk_widget_class_bind_template_child (widget_class, PwImportDialog, import_button);
  gtk_widget_class_bind_template_child (widget_class, PwImportDialog, map_scroller);

  gtk_widget_class_install_action (widget_class, "import.choose", NULL, choose_activated);
  gtk_widget_class_install_action (widget_class, "import.validate", NULL, validate_activated);
  gtk_widget_class_install_action (widget_class, "import.run", NULL, run_activated);
  gtk_widget_class_install_action (widget_class, "import.cancel", NULL, cancel_activated);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "import.cancel", NULL);
}

static void
pw_import_dialog_init (PwImportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->column_rows = g_ptr_array_new ();

  self->field_labels = gtk_string_list_new (NULL);
  gtk_string_list_append (self->field_labels, _("Ignore"));
  gtk_string_list_append (self->field_labels, _("Manager (email or name)"));
  for (guint i = 0; i < PW_PERSON_N_FIELDS; i++)
    gtk_string_list_append (self->field_labels, _(pw_person_fields[i].label));

  g_signal_connect_object (self->skip_check, "notify::active",
                           G_CALLBACK (existing_toggled_cb), self, G_CONNECT_SWAPPED);

  update_actions (self);
}

/* Public API */

GtkWidget *
pw_import_dialog_new (PwStore     *store,
                      PwProgramme *programme)
{
  g_return_val_if_fail (PW_IS_STORE (store), NULL);
  g_return_val_if_fail (PW_IS_PROGRAMME (programme), NULL);

  return g_object_new (PW_TYPE_IMPORT_DIALOG,
                       "store", store,
                       "programme", programme,
                       NULL);
}

/**
 * pw_import_dialog_set_file:
 *
 * Reads @file, guesses what its columns hold and shows them for checking.
 * A file that cannot be read (not UTF-8, no header…) shows why instead.
 */
gboolean
pw_import_dialog_set_file (PwImportDialog  *self,
                           GFile           *file,
                           GError         **error)
{
  g_autoptr(PwPeopleImport) import = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (PW_IS_IMPORT_DIALOG (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (!self->busy, FALSE);

  import = pw_people_import_new_for_file (file, NULL, &local_error);
  if (import == NULL)
    {
      show_file_error (self, local_error);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  g_set_object (&self->import, import);
  show_import (self);

  return TRUE;
}

PwPeopleImport *
pw_import_dialog_get_import (PwImportDialog *self)
{
  g_return_val_if_fail (PW_IS_IMPORT_DIALOG (self), NULL);

  return self->import;
}

gboolean
pw_import_dialog_get_busy (PwImportDialog *self)
{
  g_return_val_if_fail (PW_IS_IMPORT_DIALOG (self), FALSE);

  return self->busy;
}
