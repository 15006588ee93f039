/* pw-people-page.c — the People section: who is enrolled in a programme
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The list is a pipeline of list models, so 10,000 people cost one row
 * widget per visible row and a keystroke re-checks only what it must:
 *
 *   people (GListStore) → sort (the column view's sorter)
 *                       → filter (search, role, department) → selection
 *
 * Sorting comes before filtering so that narrowing a search never sorts
 * again. The column view sees only the first rows at first (PwPrefixModel):
 * GTK 4.8 builds a row for up to 200 items whatever the height, so the
 * page opens with about a window's worth and lets the rest through a few
 * at each frame once it is on screen. The people are in list form (PwPersonItem: the columns and the
 * search key, not the answers); a person's full record is read when they
 * are opened or exported.
 */
#include "config.h"

#define G_LOG_DOMAIN "pw-people-page"

#include <string.h>

#include <glib/gi18n.h>

#include "pw-bundle.h"
#include "pw-gui-utils.h"
#include "pw-import-dialog.h"
#include "pw-people-import.h"
#include "pw-people-page.h"
#include "pw-person-editor.h"
#include "pw-prefix-model.h"
#include "pw-person-list.h"
#include "pw-person-repo.h"
#include "pw-window.h"

/* How long the store may be quiet before the list reloads: an editor saves
 * on every keystroke, and the list need not follow each one. */
#define RELOAD_DELAY_MS 150

/* Rows built before the first frame: a tall window's worth. Then this many
 * more at each frame, until GTK has all the rows it keeps (200, see
 * gtklistview.c), when the rest go through at once. */
#define FIRST_ROWS    32
#define MORE_ROWS     32
#define GTK_MAX_ROWS 200

typedef enum
{
  COLUMN_NAME,
  COLUMN_EMAIL,
  COLUMN_JOB_TITLE,
  COLUMN_DEPARTMENT,
  COLUMN_GRADE,
  COLUMN_ROLE,
  COLUMN_MANAGER,
  N_COLUMNS
} Column;

struct _PwPeoplePage
{
  AdwBin              parent_instance;

  PwStore            *store;
  PwProgramme        *programme;

  GListStore         *people;
  GtkSortListModel   *sort_model;
  GtkFilterListModel *filter_model;
  PwPrefixModel      *shown_rows;     /* what the column view has rows for */
  GtkSingleSelection *selection;
  GtkCustomFilter    *filter;
  GtkSorter          *grade_sorter;
  GtkStringList      *departments;    /* "All Departments", then each one */
  GHashTable         *grade_ranks;    /* grade name → position on the scale + 1 */
  GtkColumnViewColumn *columns [N_COLUMNS];

  GStrv               search_terms;   /* casefolded */
  char               *search_text;
  int                 role_filter;    /* a PwRole, or -1 for any */
  char               *department;     /* NULL for any */

  GtkWidget          *import_dialog;
  GdkFrameClock      *grow_clock;
  gulong              grow_handler;
  guint               grow_source;
  guint               reload_source;
  guint               import_busy : 1;
  guint               updating_departments : 1;

  /* Template widgets */
  GtkStack           *stack;
  GtkStack           *results_stack;
  GtkSearchEntry     *search_entry;
  GtkDropDown        *role_dropdown;
  GtkDropDown        *department_dropdown;
  GtkLabel           *count_label;
  GtkColumnView      *column_view;
  GtkMenuButton      *more_button;
  GMenuModel         *more_menu;
};

G_DEFINE_FINAL_TYPE (PwPeoplePage, pw_people_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_STORE,
  PROP_PROGRAMME,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

/* The role dropdown's items, in order. */
static const int role_filters[] = { -1, PW_ROLE_MENTOR, PW_ROLE_MENTEE, PW_ROLE_EITHER };

static const char *
role_label (PwRole role)
{
  switch (role)
    {
    case PW_ROLE_MENTOR:
      return _("Mentor");
    case PW_ROLE_MENTEE:
      return _("Mentee");
    case PW_ROLE_EITHER:
    default:
      return _("Either");
    }
}

static int
role_rank (PwRole role)
{
  switch (role)
    {
    case PW_ROLE_MENTOR:
      return 0;
    case PW_ROLE_MENTEE:
      return 1;
    case PW_ROLE_EITHER:
    default:
      return 2;
    }
}

static int
grade_rank (PwPeoplePage *self,
            PwPersonItem *person)
{
  const char *grade = pw_person_item_get_grade (person);
  gpointer rank;

  /* Ungraded people, and grades not on the scale, come last. */
  if (grade == NULL || grade[0] == '\0')
    return G_MAXINT;

  rank = g_hash_table_lookup (self->grade_ranks, grade);
  return rank != NULL ? GPOINTER_TO_INT (rank) : G_MAXINT - 1;
}

static void
toast_error (PwPeoplePage *self,
             const GError *error)
{
  g_debug ("%s", error->message);
  pw_widget_add_toast (GTK_WIDGET (self), pw_toast_new_plain (error->message));
}

/* Filtering */

static gboolean
person_matches (gpointer item,
                gpointer user_data)
{
  PwPeoplePage *self = user_data;
  PwPersonItem *person = item;

  if (self->role_filter >= 0 && (int) pw_person_item_get_role_wanted (person) != self->role_filter)
    return FALSE;

  if (self->department != NULL &&
      g_strcmp0 (pw_person_item_get_department (person), self->department) != 0)
    return FALSE;

  if (self->search_terms != NULL)
    {
      const char *key = pw_person_item_get_search_key (person);

      for (guint i = 0; self->search_terms[i] != NULL; i++)
        if (strstr (key, self->search_terms[i]) == NULL)
          return FALSE;
    }

  return TRUE;
}

/* The full records of @items, in their order: what an export writes. */
static GListModel *
full_records (PwPeoplePage  *self,
              GListModel    *items,
              GError       **error)
{
  g_autoptr(GListModel) enrolled = NULL;
  g_autoptr(GHashTable) by_id = NULL;
  g_autoptr(GPtrArray) ordered = NULL;
  GListStore *list;
  guint n;

  enrolled = pw_person_repo_list_enrolled (self->store, pw_programme_get_id (self->programme), error);
  if (enrolled == NULL)
    return NULL;

  by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
  n = g_list_model_get_n_items (enrolled);
  for (guint i = 0; i < n; i++)
    {
      PwPerson *person = g_list_model_get_item (enrolled, i);
      gint64 id = pw_person_get_id (person);

      g_hash_table_insert (by_id, g_memdup2 (&id, sizeof id), person);
    }

  ordered = g_ptr_array_new ();
  n = g_list_model_get_n_items (items);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PwPersonItem) item = g_list_model_get_item (items, i);
      gint64 id = pw_person_item_get_id (item);
      PwPerson *person = g_hash_table_lookup (by_id, &id);

      /* Gone since the list was read: left out, as a reload would. */
      if (person != NULL)
        g_ptr_array_add (ordered, person);
    }

  list = g_list_store_new (PW_TYPE_PERSON);
  g_list_store_splice (list, 0, 0, ordered->pdata, ordered->len);

  return G_LIST_MODEL (list);
}

static void
update_count (PwPeoplePage *self)
{
  guint total = g_list_model_get_n_items (G_LIST_MODEL (self->people));
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->filter_model));
  g_autofree char *text = NULL;

  if (shown == total)
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%'u person", "%'u people", total), total);
  else
    /* Translators: people shown of those enrolled, e.g. "12 of 60 people" */
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%'u of %'u person", "%'u of %'u people", total),
                            shown, total);

  gtk_label_set_label (self->count_label, text);

  gtk_stack_set_visible_child_name (self->stack, total == 0 ? "empty" : "list");
  gtk_stack_set_visible_child_name (self->results_stack, shown == 0 ? "no-matches" : "table");

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "people.export", shown > 0);
}

static void
search_changed_cb (PwPeoplePage *self)
{
  g_autofree char *text = g_utf8_casefold (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)), -1);
  GtkFilterChange change;

  g_strstrip (text);
  if (g_strcmp0 (text, self->search_text) == 0)
    return;

  /* Typing on narrows, deleting widens: the filter model then re-checks
   * only the rows still shown, or only those hidden. */
  if (strstr (text, self->search_text) != NULL)
    change = GTK_FILTER_CHANGE_MORE_STRICT;
  else if (strstr (self->search_text, text) != NULL)
    change = GTK_FILTER_CHANGE_LESS_STRICT;
  else
    change = GTK_FILTER_CHANGE_DIFFERENT;

  g_clear_pointer (&self->search_terms, g_strfreev);
  if (text[0] != '\0')
    self->search_terms = g_strsplit_set (text, " \t", -1);

  /* Drop the empty terms that runs of spaces leave. */
  if (self->search_terms != NULL)
    {
      guint j = 0;

      for (guint i = 0; self->search_terms[i] != NULL; i++)
        {
          if (self->search_terms[i][0] == '\0')
            g_free (self->search_terms[i]);
          else
            self->search_terms[j++] = self->search_terms[i];
        }
      self->search_terms[j] = NULL;
    }

  g_free (self->search_text);
  self->search_text = g_steal_pointer (&text);

  gtk_filter_changed (GTK_FILTER (self->filter), change);
}

static void
stop_search_cb (PwPeoplePage *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

static void
role_selected_cb (PwPeoplePage *self)
{
  guint selected = gtk_drop_down_get_selected (self->role_dropdown);
  int role = selected < G_N_ELEMENTS (role_filters) ? role_filters[selected] : -1;
  int old = self->role_filter;

  if (role == old)
    return;

  self->role_filter = role;
  gtk_filter_changed (GTK_FILTER (self->filter),
                      role < 0 ? GTK_FILTER_CHANGE_LESS_STRICT
                      : old < 0 ? GTK_FILTER_CHANGE_MORE_STRICT
                      : GTK_FILTER_CHANGE_DIFFERENT);
}

static void
department_selected_cb (PwPeoplePage *self)
{
  guint selected = gtk_drop_down_get_selected (self->department_dropdown);
  const char *department = NULL;
  gboolean was_any = self->department == NULL;

  if (self->updating_departments)
    return;

  if (selected != GTK_INVALID_LIST_POSITION && selected > 0)
    department = gtk_string_list_get_string (self->departments, selected);

  if (g_strcmp0 (department, self->department) == 0)
    return;

  g_free (self->department);
  self->department = g_strdup (department);
  gtk_filter_changed (GTK_FILTER (self->filter),
                      department == NULL ? GTK_FILTER_CHANGE_LESS_STRICT
                      : was_any ? GTK_FILTER_CHANGE_MORE_STRICT
                      : GTK_FILTER_CHANGE_DIFFERENT);
}

/* Loading */

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_utf8_collate (*(const char * const *) a, *(const char * const *) b);
}

static void
update_departments (PwPeoplePage *self)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->people));
  guint selected = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PwPersonItem) person = g_list_model_get_item (G_LIST_MODEL (self->people), i);
      const char *department = pw_person_item_get_department (person);

      if (department != NULL && department[0] != '\0' && g_hash_table_add (seen, (gpointer) department))
        g_ptr_array_add (names, (gpointer) department);
    }

  g_ptr_array_sort (names, compare_names);
  g_ptr_array_insert (names, 0, (gpointer) _("All Departments"));

  for (guint i = 1; i < names->len; i++)
    if (g_strcmp0 (names->pdata[i], self->department) == 0)
      selected = i;

  g_ptr_array_add (names, NULL);

  self->updating_departments = TRUE;
  gtk_string_list_splice (self->departments, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->departments)),
                          (const char * const *) names->pdata);
  gtk_drop_down_set_selected (self->department_dropdown, selected);
  self->updating_departments = FALSE;

  /* The department filtered on has gone: show everyone again. */
  if (selected == 0 && self->department != NULL)
    department_selected_cb (self);
}

static void
load_grades (PwPeoplePage *self)
{
  g_auto(GStrv) scale = pw_grade_scale_get (self->store, NULL);

  g_hash_table_remove_all (self->grade_ranks);
  for (guint i = 0; scale != NULL && scale[i] != NULL; i++)
    g_hash_table_insert (self->grade_ranks, g_strdup (scale[i]), GINT_TO_POINTER (i + 1));
}

static void
reload (PwPeoplePage *self)
{
  g_autoptr(GListModel) people = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;
  guint n;

  g_clear_handle_id (&self->reload_source, g_source_remove);

  /* The import owns the store until it finishes; it reloads us then. */
  if (self->import_busy)
    return;

  people = pw_person_list_enrolled (self->store, pw_programme_get_id (self->programme), &error);
  if (people == NULL)
    {
      toast_error (self, error);
      return;
    }

  load_grades (self);

  n = g_list_model_get_n_items (people);
  items = g_ptr_array_new_full (n, g_object_unref);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (items, g_list_model_get_item (people, i));

  g_list_store_splice (self->people, 0, g_list_model_get_n_items (G_LIST_MODEL (self->people)),
                       items->pdata, items->len);

  gtk_sorter_changed (self->grade_sorter, GTK_SORTER_CHANGE_DIFFERENT);

  update_departments (self);
  update_count (self);
}

static gboolean
reload_timeout_cb (gpointer user_data)
{
  PwPeoplePage *self = user_data;

  self->reload_source = 0;
  reload (self);

  return G_SOURCE_REMOVE;
}

static void
store_changed_cb (PwPeoplePage *self,
                  const char   *table)
{
  g_clear_handle_id (&self->reload_source, g_source_remove);
  self->reload_source = g_timeout_add (RELOAD_DELAY_MS, reload_timeout_cb, self);
}

/* Letting rows through */

static void
stop_growing (PwPeoplePage *self)
{
  g_clear_handle_id (&self->grow_source, g_source_remove);
  if (self->grow_handler != 0)
    g_signal_handler_disconnect (self->grow_clock, self->grow_handler);
  self->grow_handler = 0;
  g_clear_object (&self->grow_clock);
}

static gboolean
grow_idle_cb (gpointer user_data)
{
  PwPeoplePage *self = user_data;
  guint limit = pw_prefix_model_get_limit (self->shown_rows);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->filter_model));

  self->grow_source = 0;

  if (limit >= n || limit >= GTK_MAX_ROWS)
    {
      stop_growing (self);
      pw_prefix_model_set_limit (self->shown_rows, G_MAXUINT);
      return G_SOURCE_REMOVE;
    }

  pw_prefix_model_set_limit (self->shown_rows, limit + MORE_ROWS);
  return G_SOURCE_REMOVE;
}

static void
grow_after_paint_cb (GdkFrameClock *clock,
                     PwPeoplePage  *self)
{
  /* Once the frame is out, not within it. */
  if (self->grow_source == 0)
    self->grow_source = g_idle_add (grow_idle_cb, self);
}

static void
page_mapped_cb (PwPeoplePage *self)
{
  GdkFrameClock *clock;

  if (self->grow_handler != 0 || pw_prefix_model_get_limit (self->shown_rows) == G_MAXUINT)
    return;

  /* After each frame, so the first one comes with the rows in view only. */
  clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));
  if (clock == NULL)
    return;
  self->grow_clock = g_object_ref (clock);
  self->grow_handler = g_signal_connect (clock, "after-paint", G_CALLBACK (grow_after_paint_cb), self);
}

/* Cells */

static void
setup_cell_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  /* An inscription, not a label: it lays its text out once, at its
   * allocation, rather than again for every size request. */
  GtkWidget *cell = gtk_inscription_new (NULL);

  gtk_inscription_set_text_overflow (GTK_INSCRIPTION (cell), GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END);
  gtk_list_item_set_child (item, cell);
}

static void
bind_cell_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              PwPeoplePage             *self)
{
  Column column = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (factory), "pw-column"));
  PwPersonItem *person = gtk_list_item_get_item (item);
  GtkInscription *cell = GTK_INSCRIPTION (gtk_list_item_get_child (item));
  const char *text = NULL;

  switch (column)
    {
    case COLUMN_NAME:
      text = pw_person_item_get_name (person);
      break;
    case COLUMN_EMAIL:
      text = pw_person_item_get_email (person);
      break;
    case COLUMN_JOB_TITLE:
      text = pw_person_item_get_job_title (person);
      break;
    case COLUMN_DEPARTMENT:
      text = pw_person_item_get_department (person);
      break;
    case COLUMN_GRADE:
      text = pw_person_item_get_grade (person);
      break;
    case COLUMN_ROLE:
      text = role_label (pw_person_item_get_role_wanted (person));
      break;
    case COLUMN_MANAGER:
      text = pw_person_item_get_manager (person);
      break;
    case N_COLUMNS:
    default:
      g_assert_not_reached ();
    }

  /* Plain text, never markup: a name like "<b>Ann & Co</b>" shows as typed. */
  gtk_inscription_set_text (cell, text != NULL ? text : "");
}

static int
compare_grades_cb (gconstpointer a,
                   gconstpointer b,
                   gpointer      user_data)
{
  PwPeoplePage *self = user_data;
  int ra = grade_rank (self, (PwPersonItem *) a);
  int rb = grade_rank (self, (PwPersonItem *) b);

  return ra < rb ? -1 : ra > rb ? 1 : 0;
}

static int
compare_roles_cb (gconstpointer a,
                  gconstpointer b,
                  gpointer      user_data)
{
  return role_rank (pw_person_item_get_role_wanted ((PwPersonItem *) a)) -
         role_rank (pw_person_item_get_role_wanted ((PwPersonItem *) b));
}

static int
compare_managers_cb (gconstpointer a,
                     gconstpointer b,
                     gpointer      user_data)
{
  const char *ma = pw_person_item_get_manager ((PwPersonItem *) a);
  const char *mb = pw_person_item_get_manager ((PwPersonItem *) b);

  /* People without a manager last. */
  if (ma[0] == '\0' || mb[0] == '\0')
    return (ma[0] == '\0') - (mb[0] == '\0');

  return g_utf8_collate (ma, mb);
}

static int
compare_name_keys_cb (gconstpointer a,
                      gconstpointer b,
                      gpointer      user_data)
{
  return strcmp (pw_person_item_get_name_key ((PwPersonItem *) a),
                 pw_person_item_get_name_key ((PwPersonItem *) b));
}

static GtkSorter *
string_sorter (const char *property)
{
  return GTK_SORTER (gtk_string_sorter_new (gtk_property_expression_new (PW_TYPE_PERSON_ITEM, NULL, property)));
}

static void
add_column (PwPeoplePage *self,
            Column        column,
            const char   *title,
            GtkSorter    *sorter,
            gboolean      expand,
            int           fixed_width)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *view_column;

  g_object_set_data (G_OBJECT (factory), "pw-column", GINT_TO_POINTER (column));
  g_signal_connect (factory, "setup", G_CALLBACK (setup_cell_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cell_cb), self);

  view_column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_sorter (view_column, sorter);
  gtk_column_view_column_set_expand (view_column, expand);
  gtk_column_view_column_set_resizable (view_column, TRUE);
  if (fixed_width > 0)
    gtk_column_view_column_set_fixed_width (view_column, fixed_width);

  gtk_column_view_append_column (self->column_view, view_column);
  self->columns[column] = view_column;
  g_object_unref (view_column);
  g_object_unref (sorter);
}

static void
setup_columns (PwPeoplePage *self)
{
  self->grade_sorter = GTK_SORTER (gtk_custom_sorter_new (compare_grades_cb, self, NULL));

  /* Fixed widths keep the columns still while rows recycle; together they
   * fit the content of a 1,200-pixel window, and share out any more. */
  /* By name as a GtkStringSorter would sort, with the keys the list made
   * as it was read: the list opens sorted so. */
  add_column (self, COLUMN_NAME, _("Name"),
              GTK_SORTER (gtk_custom_sorter_new (compare_name_keys_cb, NULL, NULL)), TRUE, 150);
  add_column (self, COLUMN_EMAIL, _("Email"), string_sorter ("email"), TRUE, 180);
  add_column (self, COLUMN_JOB_TITLE, _("Job Title"), string_sorter ("job-title"), TRUE, 150);
  add_column (self, COLUMN_DEPARTMENT, _("Department"), string_sorter ("department"), TRUE, 140);
  add_column (self, COLUMN_GRADE, _("Grade"), g_object_ref (self->grade_sorter), FALSE, 76);
  add_column (self, COLUMN_ROLE, _("Role"),
              GTK_SORTER (gtk_custom_sorter_new (compare_roles_cb, NULL, NULL)), FALSE, 76);
  add_column (self, COLUMN_MANAGER, _("Manager"),
              GTK_SORTER (gtk_custom_sorter_new (compare_managers_cb, NULL, NULL)), TRUE, 130);
}

/* Department dropdown: long names ellipsize on the button, not in the list. */
static void
setup_dropdown_label_cb (GtkSignalListItemFactory *factory,
                         GtkListItem              *item,
                         gpointer                  ellipsize)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (GPOINTER_TO_INT (ellipsize))
    {
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 20);
      gtk_label_set_width_chars (GTK_LABEL (label), 8);
    }
  gtk_list_item_set_child (item, label);
}

static void
bind_dropdown_label_cb (GtkSignalListItemFactory *factory,
                        GtkListItem              *item,
                        gpointer                  user_data)
{
  GtkStringObject *string = gtk_list_item_get_item (item);

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)),
                      gtk_string_object_get_string (string));
}

static GtkListItemFactory *
dropdown_factory (gboolean ellipsize)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (setup_dropdown_label_cb), GINT_TO_POINTER (ellipsize));
  g_signal_connect (factory, "bind", G_CALLBACK (bind_dropdown_label_cb), NULL);

  return factory;
}

/* Actions */

static void
editor_present (PwPeoplePage *self,
                GtkWidget    *editor)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (editor), GTK_WINDOW (root));
  gtk_window_present (GTK_WINDOW (editor));
}

static void
row_activated_cb (PwPeoplePage  *self,
                  guint          position)
{
  pw_people_page_open_person (self, position);
}

static void
add_activated (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  pw_people_page_add_person (PW_PEOPLE_PAGE (widget));
}

static void
search_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  pw_people_page_focus_search (PW_PEOPLE_PAGE (widget));
}

static void
import_busy_cb (PwPeoplePage   *self,
                GParamSpec     *pspec,
                PwImportDialog *dialog)
{
  self->import_busy = pw_import_dialog_get_busy (dialog);

  if (!self->import_busy)
    store_changed_cb (self, NULL);
}

static void
import_dialog_destroyed_cb (PwPeoplePage *self)
{
  if (self->import_busy)
    {
      self->import_busy = FALSE;
      store_changed_cb (self, NULL);
    }
  self->import_dialog = NULL;
}

static void
import_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  PwPeoplePage *self = PW_PEOPLE_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);

  if (self->import_dialog != NULL)
    {
      gtk_window_present (GTK_WINDOW (self->import_dialog));
      return;
    }

  self->import_dialog = pw_import_dialog_new (self->store, self->programme);
  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (self->import_dialog), GTK_WINDOW (root));
  g_signal_connect_object (self->import_dialog, "notify::busy",
                           G_CALLBACK (import_busy_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->import_dialog, "destroy",
                           G_CALLBACK (import_dialog_destroyed_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (self->import_dialog));
}

typedef struct
{
  PwPeoplePage *self;
  gboolean      with_sensitive;
  GtkNativeDialog *chooser;
} ExportData;

static void
export_data_free (ExportData *data)
{
  g_clear_object (&data->self);
  g_clear_object (&data->chooser);
  g_free (data);
}

static void
export_chosen_cb (GtkNativeDialog *chooser,
                  int              response,
                  ExportData      *data)
{
  PwPeoplePage *self = data->self;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

  if (file != NULL)
    {
      guint n = g_list_model_get_n_items (G_LIST_MODEL (self->filter_model));

      if (!pw_people_page_export_to_file (self, file, data->with_sensitive, &error))
        {
          toast_error (self, error);
        }
      else
        {
          g_autofree char *basename = g_file_get_basename (file);
          g_autofree char *escaped = g_markup_escape_text (basename, -1);
          g_autofree char *title = NULL;

          /* Translators: a count of people, then a file name */
          title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                "Exported %u person to “%s”",
                                                "Exported %u people to “%s”", n),
                                   n, escaped);
          pw_widget_add_toast (GTK_WIDGET (self), adw_toast_new (title));
        }
    }

  gtk_native_dialog_destroy (chooser);
  export_data_free (data);
}

static void
export_confirmed_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     PwPeoplePage     *self)
{
  GtkCheckButton *check = g_object_get_data (G_OBJECT (dialog), "pw-sensitive-check");
  g_autofree char *name = NULL;
  GtkFileChooserNative *chooser;
  ExportData *data;

  if (g_strcmp0 (response, "export") != 0)
    return;

  chooser = pw_file_chooser_new (GTK_WIDGET (self), _("Export People"),
                                 GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  pw_file_chooser_add_filter (chooser, _("CSV files"), "text/csv", "*.csv", NULL);

  /* Translators: the name of an exported file; %s is the program's name */
  name = g_strdup_printf (_("%s people.csv"), pw_programme_get_name (self->programme));
  g_strdelimit (name, "/\\", '-');
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);

  data = g_new0 (ExportData, 1);
  data->self = g_object_ref (self);
  data->with_sensitive = check != NULL && gtk_check_button_get_active (check);
  data->chooser = GTK_NATIVE_DIALOG (chooser);
  g_signal_connect (chooser, "response", G_CALLBACK (export_chosen_cb), data);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
export_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  PwPeoplePage *self = PW_PEOPLE_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->filter_model));
  g_autofree char *heading = NULL;
  GtkWidget *dialog;

  heading = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Export %u Person?", "Export %u People?", n), n);
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, heading, NULL);

  if (pw_programme_get_sensitive_enabled (self->programme))
    {
      GtkWidget *check;

      adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (dialog),
                                   _("The file holds the people shown in the list, with their "
                                     "position, manager, questionnaire answers and topics. "
                                     "Sensitive characteristics — age band, gender, ethnicity "
                                     "and disability — are left out unless you include them."));

      check = gtk_check_button_new_with_mnemonic (_("Include _sensitive characteristics"));
      gtk_widget_set_halign (check, GTK_ALIGN_CENTER);
      adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), check);
      g_object_set_data (G_OBJECT (dialog), "pw-sensitive-check", check);
    }
  else
    {
      adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (dialog),
                                   _("The file holds the people shown in the list, with their "
                                     "position, manager, questionnaire answers and topics. "
                                     "It is readable by you only; take care where you share it."));
    }

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "export", _("_Export…"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "export",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "export");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (export_confirmed_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static gboolean
focus_search_shortcut_cb (GtkWidget *widget,
                          GVariant  *args,
                          gpointer   user_data)
{
  /* The shortcut is the window's; only the page on show answers it. */
  if (!gtk_widget_get_mapped (widget) ||
      g_list_model_get_n_items (G_LIST_MODEL (PW_PEOPLE_PAGE (widget)->people)) == 0)
    return FALSE;

  pw_people_page_focus_search (PW_PEOPLE_PAGE (widget));
  return TRUE;
}

/* Overrides */

static void
pw_people_page_constructed (GObject *object)
{
  PwPeoplePage *self = PW_PEOPLE_PAGE (object);

  G_OBJECT_CLASS (pw_people_page_parent_class)->constructed (object);

  g_assert (PW_IS_STORE (self->store));
  g_assert (PW_IS_PROGRAMME (self->programme));

  g_signal_connect_object (self->store, "changed::person",
                           G_CALLBACK (store_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->store, "changed::enrolment",
                           G_CALLBACK (store_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->store, "changed::grade",
                           G_CALLBACK (store_changed_cb), self, G_CONNECT_SWAPPED);

  reload (self);
}

static void
pw_people_page_dispose (GObject *object)
{
  PwPeoplePage *self = PW_PEOPLE_PAGE (object);

  g_clear_handle_id (&self->reload_source, g_source_remove);
  stop_growing (self);
  if (self->import_dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (self->import_dialog));

  /* Tearing down the column view changes its sorter, so the models: the
   * labels that show the count are gone by then. */
  if (self->filter_model != NULL)
    g_signal_handlers_disconnect_by_data (self->filter_model, self);

  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), PW_TYPE_PEOPLE_PAGE);

  g_clear_object (&self->selection);
  g_clear_object (&self->shown_rows);
  g_clear_object (&self->filter_model);
  g_clear_object (&self->sort_model);
  g_clear_object (&self->filter);
  g_clear_object (&self->grade_sorter);
  g_clear_object (&self->departments);
  g_clear_object (&self->people);
  g_clear_object (&self->programme);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (pw_people_page_parent_class)->dispose (object);
}

static void
pw_people_page_finalize (GObject *object)
{
  PwPeoplePage *self = PW_PEOPLE_PAGE (object);

  g_clear_pointer (&self->grade_ranks, g_hash_table_unref);
  g_clear_pointer (&self->search_terms, g_strfreev);
  g_clear_pointer (&self->search_text, g_free);
  g_clear_pointer (&self->department, g_free);

  G_OBJECT_CLASS (pw_people_page_parent_class)->finalize (object);
}

static void
pw_people_page_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  PwPeoplePage *self = PW_PEOPLE_PAGE (object);

  if (!pw_section_get_property (pspec, value, self->store, self->programme))
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
pw_people_page_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  PwPeoplePage *self = PW_PEOPLE_PAGE (object);

  if (!pw_section_set_property (pspec, value, &self->store, &self->programme))
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
pw_people_page_class_init (PwPeoplePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = pw_people_page_constructed;
  object_class->dispose = pw_people_page_dispose;
  object_class->finalize = pw_people_page_finalize;
  object_class->get_property = pw_people_page_get_property;
  object_class->set_property = pw_people_page_set_property;

  properties [PROP_STORE] = pw_param_spec_store ();
  properties [PROP_PROGRAMME] = pw_param_spec_programme ();

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/pw-people-page.ui");
  gtk_widget_class_bind_template_child (widget_class, PwPeoplePage, stack);
  gtk_widget_class_bind_template_child (widget_class, PwPeoplePage, results_stack);
  gtk_widget_class_bind_template_child (widget_class, PwPeoplePage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, PwPeoplePage, role_dropdown);
  gtk_widget_class_bind_template_child (widget_class, PwPeoplePage, department_dropdown);
  gtk_widget_class_bind_template_child (widget_class, PwPeoplePage, count_label);
  gtk_widget_class_bind_template_child (widget_class, PwPeoplePage, column_view);
  gtk_widget_class_bind_template_child (widget_class, PwPeoplePage, more_button);
  gtk_widget_class_bind_template_child (widget_class, PwPeoplePage, more_menu);

  gtk_widget_class_install_action (widget_class, "people.add", NULL, add_activated);
  gtk_widget_class_install_action (widget_class, "people.import", NULL, import_activated);
  gtk_widget_class_install_action (widget_class, "people.export", NULL, export_activated);
  gtk_widget_class_install_action (widget_class, "people.search", NULL, search_activated);
}

static void
pw_people_page_init (PwPeoplePage *self)
{
  g_autoptr(GtkListItemFactory) button_factory = NULL;
  g_autoptr(GtkListItemFactory) list_factory = NULL;
  GtkEventController *shortcuts;

  gtk_widget_init_template (GTK_WIDGET (self));
  pw_menu_button_set_menu_lazily (self->more_button, self->more_menu);

  self->role_filter = -1;
  self->search_text = g_strdup ("");
  self->grade_ranks = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  self->people = g_list_store_new (PW_TYPE_PERSON_ITEM);
  self->filter = gtk_custom_filter_new (person_matches, self, NULL);

  setup_columns (self);

  self->sort_model = gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (self->people)),
                                              g_object_ref (gtk_column_view_get_sorter (self->column_view)));
  self->filter_model = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->sort_model)),
                                                  g_object_ref (GTK_FILTER (self->filter)));
  self->shown_rows = pw_prefix_model_new (G_LIST_MODEL (self->filter_model), FIRST_ROWS);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->shown_rows)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
  gtk_column_view_sort_by_column (self->column_view, self->columns[COLUMN_NAME], GTK_SORT_ASCENDING);

  g_signal_connect_object (self->filter_model, "items-changed",
                           G_CALLBACK (update_count), self, G_CONNECT_SWAPPED);

  self->departments = gtk_string_list_new (NULL);
  gtk_drop_down_set_model (self->department_dropdown, G_LIST_MODEL (self->departments));
  button_factory = dropdown_factory (TRUE);
  list_factory = dropdown_factory (FALSE);
  gtk_drop_down_set_factory (self->department_dropdown, button_factory);
  gtk_drop_down_set_list_factory (self->department_dropdown, list_factory);

  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self->column_view));

  /* Connected here rather than in the template: gtk4-builder-tool 4.8
   * cannot validate a template that names our own callbacks. */
  g_signal_connect_object (self->search_entry, "search-changed",
                           G_CALLBACK (search_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->search_entry, "stop-search",
                           G_CALLBACK (stop_search_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->role_dropdown, "notify::selected",
                           G_CALLBACK (role_selected_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->department_dropdown, "notify::selected",
                           G_CALLBACK (department_selected_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->column_view, "activate",
                           G_CALLBACK (row_activated_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect (self, "map", G_CALLBACK (page_mapped_cb), NULL);
  g_signal_connect (self, "unmap", G_CALLBACK (stop_growing), NULL);

  /* Ctrl+F from anywhere in the window while the page shows. */
  shortcuts = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (shortcuts), GTK_SHORTCUT_SCOPE_MANAGED);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_f, GDK_CONTROL_MASK),
                                                          gtk_callback_action_new (focus_search_shortcut_cb, NULL, NULL)));
  gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);
}

/* Public API */

GtkWidget *
pw_people_page_new (PwStore     *store,
                    PwProgramme *programme)
{
  g_return_val_if_fail (PW_IS_STORE (store), NULL);
  g_return_val_if_fail (PW_IS_PROGRAMME (programme), NULL);

  return g_object_new (PW_TYPE_PEOPLE_PAGE,
                       "store", store,
                       "programme", programme,
                       NULL);
}

PwProgramme *
pw_people_page_get_programme (PwPeoplePage *self)
{
  g_return_val_if_fail (PW_IS_PEOPLE_PAGE (self), NULL);

  return self->programme;
}

GListModel *
pw_people_page_get_model (PwPeoplePage *self)
{
  g_return_val_if_fail (PW_IS_PEOPLE_PAGE (self), NULL);

  return G_LIST_MODEL (self->filter_model);
}

GListModel *
pw_people_page_get_all (PwPeoplePage *self)
{
  g_return_val_if_fail (PW_IS_PEOPLE_PAGE (self), NULL);

  return G_LIST_MODEL (self->people);
}

/**
 * pw_people_page_reload:
 *
 * Reads the programme's people from the store now, rather than after the
 * short pause that follows a change.
 */
void
pw_people_page_reload (PwPeoplePage *self)
{
  g_return_if_fail (PW_IS_PEOPLE_PAGE (self));

  reload (self);
}

void
pw_people_page_focus_search (PwPeoplePage *self)
{
  g_return_if_fail (PW_IS_PEOPLE_PAGE (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  gtk_editable_select_region (GTK_EDITABLE (self->search_entry), 0, -1);
}

/**
 * pw_people_page_open_person:
 * @position: a position in pw_people_page_get_model()
 *
 * Returns: (transfer none) (nullable): the editor, shown, or %NULL when
 *   the person could not be read
 */
GtkWidget *
pw_people_page_open_person (PwPeoplePage *self,
                            guint         position)
{
  g_autoptr(PwPersonItem) item = NULL;
  g_autoptr(PwPerson) person = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *editor;

  g_return_val_if_fail (PW_IS_PEOPLE_PAGE (self), NULL);

  item = g_list_model_get_item (G_LIST_MODEL (self->filter_model), position);
  g_return_val_if_fail (item != NULL, NULL);

  /* The list holds the list form: the editor needs the whole record. */
  person = pw_person_repo_get (self->store, pw_person_item_get_id (item), &error);
  if (person == NULL)
    {
      toast_error (self, error);
      return NULL;
    }

  editor = pw_person_editor_new (self->store, self->programme, person);
  editor_present (self, editor);

  return editor;
}

/**
 * pw_people_page_add_person:
 *
 * Returns: (transfer none): the editor for a new person, shown
 */
GtkWidget *
pw_people_page_add_person (PwPeoplePage *self)
{
  GtkWidget *editor;

  g_return_val_if_fail (PW_IS_PEOPLE_PAGE (self), NULL);

  editor = pw_person_editor_new (self->store, self->programme, NULL);
  editor_present (self, editor);

  return editor;
}

/**
 * pw_people_page_export_to_file:
 * @with_sensitive: include the sensitive characteristics
 *
 * Writes the people shown, in the list's order, as CSV to @file, readable
 * by its owner only.
 */
gboolean
pw_people_page_export_to_file (PwPeoplePage  *self,
                               GFile         *file,
                               gboolean       with_sensitive,
                               GError       **error)
{
  g_autoptr(GListModel) people = NULL;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;

  g_return_val_if_fail (PW_IS_PEOPLE_PAGE (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_autofree char *uri = g_file_get_uri (file);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("Cannot write to “%s”: choose a folder on this computer."), uri);
      return FALSE;
    }

  people = full_records (self, G_LIST_MODEL (self->filter_model), error);
  if (people == NULL)
    return FALSE;

  text = pw_people_export_csv_string (self->store, people, with_sensitive, error);
  if (text == NULL)
    return FALSE;

  return pw_write_private_file (path, text, -1, error);
}
