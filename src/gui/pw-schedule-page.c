/* pw-schedule-page.c — the Schedule section of a programme
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Three views of the same meetings: an agenda from the chosen week on,
 * grouped by week; a month grid; and each pair's progress against its
 * plan. A pair filter narrows all three. The store's "changed::meeting"
 * and "changed::pair" reload them. Pairs that need attention are named in
 * a banner, and once in a toast when the window opens the programme.
 */
#include "config.h"

#define G_LOG_DOMAIN "pw-schedule-page"

#include <glib/gi18n.h>

#include "pw-closure-days-dialog.h"
#include "pw-gui-utils.h"
#include "pw-ics.h"
#include "pw-programme-view.h"
#include "pw-schedule-page.h"
#include "pw-schedule.h"
#include "pw-window.h"
#include "pw-workspace-window.h"

#define CHIPS_PER_DAY 3
#define REMINDERS_KEY "pw-schedule-reminders"

struct _PwSchedulePage
{
  AdwBin               parent_instance;

  PwStore             *store;
  PwProgramme         *programme;
  PwReminders         *reminders;
  GDateTime           *now;          /* for tests; NULL: the clock */
  gint64               pair_id;      /* the filter; 0 for all */
  GArray              *pair_ids;     /* gint64, the dropdown's rows after "All Pairs" */
  GtkStringList       *pair_names;
  GListStore          *meetings;     /* PwMeeting, filtered */
  GListStore          *agenda;       /* GtkStringObject week headers and PwMeeting */
  GListStore          *progress;     /* PwPairProgress, filtered */
  GtkSortListModel    *progress_sorted;
  GHashTable          *closures;     /* "YYYY-MM-DD" */
  GDate                week;         /* Monday of the agenda's first week */
  GDate                month;        /* the 1st of the month shown */
  guint                n_attention;
  GtkFileChooserNative *chooser;

  guint                loading : 1;

  /* Template widgets */
  AdwToastOverlay     *toast_overlay;
  GtkStack            *main_stack;
  GtkRevealer         *attention_revealer;
  GtkLabel            *attention_label;
  GtkWidget           *nav_box;
  GtkWidget           *previous_button;
  GtkWidget           *next_button;
  GtkDropDown         *pair_dropdown;
  AdwViewStack        *view_stack;
  GtkListView         *agenda_view;
  GtkLabel            *month_label;
  GtkGrid             *month_grid;
  GtkListView         *progress_view;
};

G_DEFINE_FINAL_TYPE (PwSchedulePage, pw_schedule_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_STORE,
  PROP_PROGRAMME,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void reload (PwSchedulePage *self);

/* Helpers */

static void
show_message (PwSchedulePage *self,
              const char     *text)
{
  adw_toast_overlay_add_toast (self->toast_overlay, pw_toast_new_plain (text));
}

static GDateTime *
now_local (PwSchedulePage *self)
{
  g_autoptr(GTimeZone) tz = pw_schedule_get_timezone (self->store, pw_programme_get_id (self->programme));

  if (self->now != NULL)
    return g_date_time_to_timezone (self->now, tz);

  return g_date_time_new_now (tz);
}

static void
date_of (GDateTime *dt,
         GDate     *out)
{
  g_date_clear (out, 1);
  g_date_set_dmy (out, g_date_time_get_day_of_month (dt), g_date_time_get_month (dt), g_date_time_get_year (dt));
}

static void
iso_of (const GDate *date,
        char         out[11])
{
  g_snprintf (out, 11, "%04u-%02u-%02u", g_date_get_year (date), g_date_get_month (date), g_date_get_day (date));
}

static GDateTime *
date_time_of (const GDate *date)
{
  return g_date_time_new_local (g_date_get_year (date), g_date_get_month (date), g_date_get_day (date), 0, 0, 0);
}

static void
monday_of (GDate *date)
{
  /* Weeks run Monday to Sunday, as working days do. */
  g_date_subtract_days (date, g_date_get_weekday (date) - G_DATE_MONDAY);
}

static void
today (PwSchedulePage *self,
       GDate          *out)
{
  g_autoptr(GDateTime) now = now_local (self);

  date_of (now, out);
}

static gboolean
is_session (PwMeeting *meeting)
{
  return pw_meeting_get_pair_id (meeting) == 0;
}

static const char *
kind_class (PwMeeting *meeting)
{
  switch (pw_meeting_get_kind (meeting))
    {
    case PW_MEETING_FIRST_CONTACT: return "first-contact";
    case PW_MEETING_FIRST_MEETING: return "first-meeting";
    case PW_MEETING_KICK_OFF:
    case PW_MEETING_CLOSING:       return "session";
    case PW_MEETING_REGULAR:
    default:                       return "regular";
    }
}

static const char *
status_class (PwMeeting *meeting)
{
  switch (pw_meeting_get_status (meeting))
    {
    case PW_MEETING_HELD:      return "held";
    case PW_MEETING_MISSED:    return "missed";
    case PW_MEETING_CANCELLED: return "cancelled";
    case PW_MEETING_PLANNED:
    default:                   return "planned";
    }
}

static void
set_classes (GtkWidget   *widget,
             const char **classes)
{
  gtk_widget_set_css_classes (widget, classes);
}

static char *
format_time (GDateTime *dt)
{
  /* Translators: a meeting's start time, see strftime(3) */
  return g_date_time_format (dt, _("%H:%M"));
}

static PwMeeting *
find_meeting (PwSchedulePage *self,
              gint64          id)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->meetings));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PwMeeting) m = g_list_model_get_item (G_LIST_MODEL (self->meetings), i);

      if (pw_meeting_get_id (m) == id)
        return g_steal_pointer (&m);
    }

  return pw_schedule_get (self->store, id, NULL);
}

/* Loading */

static void
load_pairs (PwSchedulePage *self)
{
  g_autoptr(GListModel) all = NULL;
  guint n;
  guint selected = 0;
  gboolean found = FALSE;

  all = pw_schedule_progress_list (self->store, pw_programme_get_id (self->programme), self->now, NULL);
  n = all ? g_list_model_get_n_items (all) : 0;

  self->loading = TRUE;
  g_array_set_size (self->pair_ids, 0);
  gtk_string_list_splice (self->pair_names, 0, g_list_model_get_n_items (G_LIST_MODEL (self->pair_names)), NULL);
  gtk_string_list_append (self->pair_names, _("All Pairs"));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PwPairProgress) item = g_list_model_get_item (all, i);
      gint64 id = pw_pair_progress_get_pair_id (item);

      g_array_append_val (self->pair_ids, id);
      gtk_string_list_append (self->pair_names, pw_pair_progress_get_who (item));
      if (id == self->pair_id)
        {
          selected = i + 1;
          found = TRUE;
        }
    }

  /* The pair may have ended meanwhile. */
  if (!found)
    self->pair_id = 0;
  gtk_drop_down_set_selected (self->pair_dropdown, selected);
  self->loading = FALSE;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "schedule.add", n > 0);
}

static void
load_closures (PwSchedulePage *self)
{
  g_auto(GStrv) days = pw_schedule_closures_get (self->store, pw_programme_get_id (self->programme), NULL);

  g_hash_table_remove_all (self->closures);
  for (guint i = 0; days != NULL && days[i] != NULL; i++)
    g_hash_table_add (self->closures, g_strdup (days[i]));
}

static void
load_meetings (PwSchedulePage *self)
{
  g_autoptr(GListModel) list = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  guint n;

  list = pw_schedule_list (self->store, pw_programme_get_id (self->programme), self->pair_id, &error);
  if (list == NULL)
    {
      g_warning ("Cannot list the meetings: %s", error->message);
      return;
    }

  n = g_list_model_get_n_items (list);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (items, g_list_model_get_item (list, i));

  g_list_store_splice (self->meetings, 0, g_list_model_get_n_items (G_LIST_MODEL (self->meetings)),
                       items->pdata, items->len);
}

static void
load_progress (PwSchedulePage *self)
{
  g_autoptr(GListModel) all = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  guint n;

  all = pw_schedule_progress_list (self->store, pw_programme_get_id (self->programme), self->now, NULL);
  n = all ? g_list_model_get_n_items (all) : 0;

  self->n_attention = 0;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PwPairProgress) item = g_list_model_get_item (all, i);

      if (pw_pair_progress_get_attention (item) != PW_ATTENTION_NONE)
        self->n_attention++;
      if (self->pair_id == 0 || pw_pair_progress_get_pair_id (item) == self->pair_id)
        g_ptr_array_add (items, g_steal_pointer (&item));
    }

  g_list_store_splice (self->progress, 0, g_list_model_get_n_items (G_LIST_MODEL (self->progress)),
                       items->pdata, items->len);
}

static void
update_attention (PwSchedulePage *self)
{
  g_autofree char *text = NULL;

  if (self->n_attention > 0)
    {
      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "%u pair needs attention",
                                           "%u pairs need attention",
                                           self->n_attention),
                              self->n_attention);
      gtk_label_set_label (self->attention_label, text);
    }

  gtk_revealer_set_reveal_child (self->attention_revealer, self->n_attention > 0);
}

/* The agenda */

static void
build_agenda (PwSchedulePage *self)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->meetings));
  GDate header;
  char first[11];
  gboolean any_header = FALSE;

  g_date_clear (&header, 1);
  iso_of (&self->week, first);

  /* The chosen week always has its header, even with nothing in it. */
  g_ptr_array_add (items, gtk_string_object_new (first));
  any_header = TRUE;
  header = self->week;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PwMeeting) m = g_list_model_get_item (G_LIST_MODEL (self->meetings), i);
      GDate day;
      GDate monday;

      date_of (pw_meeting_get_start (m), &day);
      if (g_date_compare (&day, &self->week) < 0)
        continue;

      monday = day;
      monday_of (&monday);
      if (!any_header || g_date_compare (&monday, &header) != 0)
        {
          char iso[11];

          iso_of (&monday, iso);
          g_ptr_array_add (items, gtk_string_object_new (iso));
          header = monday;
          any_header = TRUE;
        }

      g_ptr_array_add (items, g_steal_pointer (&m));
    }

  g_list_store_splice (self->agenda, 0, g_list_model_get_n_items (G_LIST_MODEL (self->agenda)),
                       items->pdata, items->len);

  if (gtk_widget_get_mapped (GTK_WIDGET (self->agenda_view)))
    gtk_widget_activate_action (GTK_WIDGET (self->agenda_view), "list.scroll-to-item", "u", 0);
}

static char *
week_range (const GDate *monday)
{
  g_autoptr(GDateTime) start = date_time_of (monday);
  g_autoptr(GDateTime) end = g_date_time_add_days (start, 6);
  g_autofree char *s = NULL;
  g_autofree char *e = NULL;

  /* Translators: the first day of a week in the agenda, see strftime(3) */
  s = g_date_time_format (start, _("%b %-e"));
  if (g_date_time_get_month (start) == g_date_time_get_month (end))
    /* Translators: the last day of a week in the same month */
    e = g_date_time_format (end, _("%-e, %Y"));
  else
    /* Translators: the last day of a week in another month */
    e = g_date_time_format (end, _("%b %-e, %Y"));

  /* Translators: a week, "Dec 7 – 13, 2026" */
  return g_strdup_printf (_("%s – %s"), s, e);
}

static char *
week_title (PwSchedulePage *self,
            const GDate    *monday)
{
  GDate now;

  today (self, &now);
  monday_of (&now);
  if (g_date_compare (&now, monday) == 0)
    return g_strdup (_("This Week"));
  g_date_add_days (&now, 7);
  if (g_date_compare (&now, monday) == 0)
    return g_strdup (_("Next Week"));

  return week_range (monday);
}

static char *
week_closures (PwSchedulePage *self,
               const GDate    *monday)
{
  g_autoptr(GString) text = g_string_new (NULL);
  GDate day = *monday;

  for (int i = 0; i < 7; i++, g_date_add_days (&day, 1))
    {
      char iso[11];

      iso_of (&day, iso);
      if (g_hash_table_contains (self->closures, iso))
        {
          g_autoptr(GDateTime) dt = date_time_of (&day);
          /* Translators: a closure day in a week's header, see strftime(3) */
          g_autofree char *label = g_date_time_format (dt, _("%a %b %-e"));

          g_string_append (text, text->len > 0 ? ", " : "");
          g_string_append (text, label);
        }
    }

  if (text->len == 0)
    return NULL;

  /* Translators: the closure days in a week, "Closed: Fri Dec 25" */
  return g_strdup_printf (_("Closed: %s"), text->str);
}

static GtkWidget *
agenda_row_new (void)
{
  GtkWidget *stack = gtk_stack_new ();
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *header_title = gtk_label_new (NULL);
  GtkWidget *header_sub = gtk_label_new (NULL);
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *stripe = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *day = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *day_label = gtk_label_new (NULL);
  GtkWidget *time_label = gtk_label_new (NULL);
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *subtitle = gtk_label_new (NULL);
  GtkWidget *status = gtk_image_new ();
  GtkWidget *menu = gtk_menu_button_new ();
  GtkWidget *empty = gtk_label_new (_("Nothing planned this week"));

  gtk_widget_add_css_class (header, "pw-week-header");
  gtk_label_set_xalign (GTK_LABEL (header_title), 0);
  gtk_widget_add_css_class (header_title, "heading");
  gtk_widget_add_css_class (header_title, "pw-week-title");
  gtk_label_set_xalign (GTK_LABEL (header_sub), 0);
  gtk_label_set_wrap (GTK_LABEL (header_sub), TRUE);
  gtk_widget_add_css_class (header_sub, "caption");
  gtk_widget_add_css_class (header_sub, "dim-label");
  gtk_label_set_xalign (GTK_LABEL (empty), 0);
  gtk_widget_add_css_class (empty, "dim-label");
  gtk_widget_set_margin_top (empty, 6);
  gtk_box_append (GTK_BOX (header), header_title);
  gtk_box_append (GTK_BOX (header), header_sub);
  gtk_box_append (GTK_BOX (header), empty);

  gtk_widget_add_css_class (row, "pw-meeting-row");
  gtk_widget_add_css_class (stripe, "pw-kind-stripe");
  gtk_widget_add_css_class (day, "pw-day-column");
  gtk_widget_set_valign (day, GTK_ALIGN_CENTER);
  gtk_label_set_xalign (GTK_LABEL (day_label), 0);
  gtk_widget_add_css_class (day_label, "caption-heading");
  gtk_label_set_xalign (GTK_LABEL (time_label), 0);
  gtk_widget_add_css_class (time_label, "numeric");
  gtk_widget_add_css_class (time_label, "dim-label");
  gtk_box_append (GTK_BOX (day), day_label);
  gtk_box_append (GTK_BOX (day), time_label);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (title), PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (title, "pw-meeting-title");
  gtk_label_set_xalign (GTK_LABEL (subtitle), 0);
  gtk_label_set_wrap (GTK_LABEL (subtitle), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (subtitle), PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (subtitle, "caption");
  gtk_widget_add_css_class (subtitle, "dim-label");
  gtk_box_append (GTK_BOX (text), title);
  gtk_box_append (GTK_BOX (text), subtitle);
  gtk_widget_set_hexpand (text, TRUE);
  gtk_widget_set_valign (text, GTK_ALIGN_CENTER);

  gtk_widget_set_valign (status, GTK_ALIGN_CENTER);
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (menu), "view-more-symbolic");
  gtk_widget_set_tooltip_text (menu, _("Meeting Menu"));
  gtk_widget_set_valign (menu, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (menu, "flat");

  gtk_box_append (GTK_BOX (row), stripe);
  gtk_box_append (GTK_BOX (row), day);
  gtk_box_append (GTK_BOX (row), text);
  gtk_box_append (GTK_BOX (row), status);
  gtk_box_append (GTK_BOX (row), menu);

  gtk_stack_add_named (GTK_STACK (stack), header, "header");
  gtk_stack_add_named (GTK_STACK (stack), row, "meeting");
  gtk_stack_set_vhomogeneous (GTK_STACK (stack), FALSE);

  g_object_set_data (G_OBJECT (stack), "pw-header-title", header_title);
  g_object_set_data (G_OBJECT (stack), "pw-header-sub", header_sub);
  g_object_set_data (G_OBJECT (stack), "pw-empty", empty);
  g_object_set_data (G_OBJECT (stack), "pw-row", row);
  g_object_set_data (G_OBJECT (stack), "pw-stripe", stripe);
  g_object_set_data (G_OBJECT (stack), "pw-day", day_label);
  g_object_set_data (G_OBJECT (stack), "pw-time", time_label);
  g_object_set_data (G_OBJECT (stack), "pw-title", title);
  g_object_set_data (G_OBJECT (stack), "pw-subtitle", subtitle);
  g_object_set_data (G_OBJECT (stack), "pw-status", status);
  g_object_set_data (G_OBJECT (stack), "pw-menu", menu);

  return stack;
}

static void
menu_add (GMenu      *menu,
          const char *label,
          const char *action,
          gint64      id)
{
  g_autoptr(GMenuItem) item = g_menu_item_new (label, NULL);

  g_menu_item_set_action_and_target_value (item, action, g_variant_new_int64 (id));
  g_menu_append_item (menu, item);
}

static GMenuModel *
meeting_menu (PwMeeting *m)
{
  GMenu *menu = g_menu_new ();
  gint64 id = pw_meeting_get_id (m);
  PwMeetingStatus status = pw_meeting_get_status (m);

  menu_add (menu, _("_Edit…"), "schedule.edit", id);
  if (!is_session (m))
    {
      if (status != PW_MEETING_HELD)
        menu_add (menu,
                  pw_meeting_get_kind (m) == PW_MEETING_FIRST_CONTACT ? _("Mark First Contact _Made")
                                                                      : _("Mark as _Held"),
                  "schedule.log-held", id);
      if (status != PW_MEETING_MISSED && pw_meeting_get_kind (m) != PW_MEETING_FIRST_CONTACT)
        menu_add (menu, _("Mark as _Missed"), "schedule.log-missed", id);
      if (status != PW_MEETING_PLANNED)
        menu_add (menu, _("Mark as _Planned"), "schedule.log-planned", id);
    }
  if (status != PW_MEETING_CANCELLED)
    menu_add (menu, _("_Cancel Meeting"), "schedule.cancel", id);
  if (!is_session (m) && pw_meeting_get_pair_id (m) != 0)
    {
      g_autoptr(GMenu) section = g_menu_new ();

      menu_add (section, _("Open _Workspace"), "schedule.open-workspace", pw_meeting_get_pair_id (m));
      g_menu_append_section (menu, NULL, G_MENU_MODEL (section));
    }

  return G_MENU_MODEL (menu);
}

static char *
meeting_subtitle (PwMeeting *m)
{
  g_autoptr(GString) text = g_string_new (NULL);
  PwContactForm form = pw_meeting_get_contact_form (m);
  const char *where = *pw_meeting_get_place (m) ? pw_meeting_get_place (m) : pw_meeting_get_link (m);

  /* Translators: a meeting's length */
  g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%d minute", "%d minutes", pw_meeting_get_minutes (m)),
                          pw_meeting_get_minutes (m));

  if (form == PW_CONTACT_IN_PERSON)
    g_string_append_printf (text, " · %s", _("in person"));
  else if (form == PW_CONTACT_VIDEO)
    g_string_append_printf (text, " · %s", _("video call"));
  else if (form == PW_CONTACT_PHONE)
    g_string_append_printf (text, " · %s", _("phone"));
  else if (form == PW_CONTACT_EMAIL)
    g_string_append_printf (text, " · %s", _("email"));

  if (where != NULL && *where != '\0')
    g_string_append_printf (text, " · %s", where);

  switch (pw_meeting_get_status (m))
    {
    case PW_MEETING_HELD:
      g_string_append (text, " · ");
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "held, %d minute", "held, %d minutes",
                                                 pw_meeting_get_held_minutes (m)),
                              pw_meeting_get_held_minutes (m));
      break;
    case PW_MEETING_MISSED:
      g_string_append_printf (text, " · %s", _("missed"));
      break;
    case PW_MEETING_CANCELLED:
      g_string_append_printf (text, " · %s", _("cancelled"));
      break;
    case PW_MEETING_PLANNED:
    default:
      break;
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
setup_agenda_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 PwSchedulePage           *self)
{
  gtk_list_item_set_child (item, agenda_row_new ());
}

static void
bind_agenda_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                PwSchedulePage           *self)
{
  GObject *object = gtk_list_item_get_item (item);
  GtkWidget *stack = gtk_list_item_get_child (item);
  GtkWidget *row_widget = gtk_widget_get_parent (stack);

  if (GTK_IS_STRING_OBJECT (object))
    {
      const char *iso = gtk_string_object_get_string (GTK_STRING_OBJECT (object));
      g_autoptr(GDate) monday = pw_date_parse (iso);
      g_autofree char *title = week_title (self, monday);
      g_autofree char *closed = week_closures (self, monday);
      GtkWidget *header = gtk_widget_get_parent (g_object_get_data (G_OBJECT (stack), "pw-header-title"));
      GDate now;
      gboolean empty;
      guint pos = gtk_list_item_get_position (item);
      g_autoptr(GObject) next = g_list_model_get_item (G_LIST_MODEL (self->agenda), pos + 1);

      today (self, &now);
      monday_of (&now);
      empty = next == NULL || GTK_IS_STRING_OBJECT (next);

      {
        g_autofree char *range = week_range (monday);
        g_autofree char *sub = NULL;

        /* "This Week" and "Next Week" say their dates underneath. */
        if (!g_str_equal (range, title))
          sub = closed ? g_strdup_printf ("%s · %s", range, closed) : g_strdup (range);
        else
          sub = g_strdup (closed);

        gtk_label_set_label (g_object_get_data (G_OBJECT (stack), "pw-header-title"), title);
        gtk_label_set_label (g_object_get_data (G_OBJECT (stack), "pw-header-sub"), sub);
        gtk_widget_set_visible (g_object_get_data (G_OBJECT (stack), "pw-header-sub"), sub != NULL);
      }
      gtk_widget_set_visible (g_object_get_data (G_OBJECT (stack), "pw-empty"), empty);
      if (g_date_compare (&now, monday) == 0)
        gtk_widget_add_css_class (header, "current");
      else
        gtk_widget_remove_css_class (header, "current");

      gtk_stack_set_visible_child_name (GTK_STACK (stack), "header");
      gtk_list_item_set_activatable (item, FALSE);
      gtk_list_item_set_selectable (item, FALSE);
      if (row_widget != NULL)
        {
          gtk_widget_remove_css_class (row_widget, "pw-meeting-item");
          gtk_widget_add_css_class (row_widget, "pw-header-item");
        }
    }
  else
    {
      PwMeeting *m = PW_MEETING (object);
      GDateTime *start = pw_meeting_get_start (m);
      g_autofree char *title = pw_meeting_dup_title (m);
      g_autofree char *subtitle = meeting_subtitle (m);
      g_autofree char *time = format_time (start);
      /* Translators: the day of a meeting in the agenda, see strftime(3) */
      g_autofree char *day = g_date_time_format (start, _("%a %-e"));
      g_autofree char *accessible = NULL;
      g_autoptr(GMenuModel) menu = meeting_menu (m);
      GtkWidget *row = g_object_get_data (G_OBJECT (stack), "pw-row");
      GtkWidget *status = g_object_get_data (G_OBJECT (stack), "pw-status");
      const char *row_classes[] = { "pw-meeting-row", status_class (m), NULL };
      const char *stripe_classes[] = { "pw-kind-stripe", kind_class (m), NULL };

      gtk_label_set_label (g_object_get_data (G_OBJECT (stack), "pw-title"), title);
      gtk_label_set_label (g_object_get_data (G_OBJECT (stack), "pw-subtitle"), subtitle);
      gtk_label_set_label (g_object_get_data (G_OBJECT (stack), "pw-day"), day);
      gtk_label_set_label (g_object_get_data (G_OBJECT (stack), "pw-time"), time);
      set_classes (row, row_classes);
      set_classes (g_object_get_data (G_OBJECT (stack), "pw-stripe"), stripe_classes);

      switch (pw_meeting_get_status (m))
        {
        case PW_MEETING_HELD:
          gtk_image_set_from_icon_name (GTK_IMAGE (status), "object-select-symbolic");
          gtk_widget_set_tooltip_text (status, _("Held"));
          break;
        case PW_MEETING_MISSED:
          gtk_image_set_from_icon_name (GTK_IMAGE (status), "dialog-warning-symbolic");
          gtk_widget_set_tooltip_text (status, _("Missed"));
          break;
        case PW_MEETING_CANCELLED:
          gtk_image_set_from_icon_name (GTK_IMAGE (status), "process-stop-symbolic");
          gtk_widget_set_tooltip_text (status, _("Cancelled"));
          break;
        case PW_MEETING_PLANNED:
        default:
          gtk_image_clear (GTK_IMAGE (status));
          gtk_widget_set_tooltip_text (status, NULL);
          break;
        }

      gtk_menu_button_set_menu_model (g_object_get_data (G_OBJECT (stack), "pw-menu"), menu);
      /* Translators: the menu of one meeting */
      accessible = g_strdup_printf (_("Actions for %s"), title);
      gtk_widget_set_tooltip_text (g_object_get_data (G_OBJECT (stack), "pw-menu"), _("Meeting Actions"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (g_object_get_data (G_OBJECT (stack), "pw-menu")),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                      -1);

      gtk_stack_set_visible_child_name (GTK_STACK (stack), "meeting");
      gtk_list_item_set_activatable (item, TRUE);
      if (row_widget != NULL)
        {
          gtk_widget_remove_css_class (row_widget, "pw-header-item");
          gtk_widget_add_css_class (row_widget, "pw-meeting-item");
        }
    }
}

static void
agenda_activated_cb (PwSchedulePage *self,
                     guint           position)
{
  g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (self->agenda), position);

  if (PW_IS_MEETING (item))
    pw_schedule_page_edit_meeting (self, pw_meeting_get_id (PW_MEETING (item)));
}

/* The month grid */

static GtkWidget *
chip_new (PwMeeting *m)
{
  g_autofree char *time = format_time (pw_meeting_get_start (m));
  g_autofree char *title = pw_meeting_dup_title (m);
  g_autofree char *label = NULL;
  const char *who = pw_meeting_get_who (m);
  GtkWidget *button;
  GtkWidget *text;
  const char *classes[] = { "flat", "pw-chip", kind_class (m), status_class (m), NULL };

  /* Translators: a meeting in the month grid, its time and who meets */
  label = g_strdup_printf (_("%s %s"), time, who);
  text = gtk_label_new (label);
  gtk_label_set_xalign (GTK_LABEL (text), 0);
  gtk_label_set_ellipsize (GTK_LABEL (text), PANGO_ELLIPSIZE_END);
  gtk_label_set_single_line_mode (GTK_LABEL (text), TRUE);

  button = gtk_button_new ();
  gtk_button_set_child (GTK_BUTTON (button), text);
  gtk_widget_set_css_classes (button, classes);
  gtk_widget_set_tooltip_text (button, title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                  -1);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "x", pw_meeting_get_id (m));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "schedule.edit");

  return button;
}

static void
build_month (PwSchedulePage *self)
{
  g_autoptr(GDateTime) first_dt = date_time_of (&self->month);
  /* Translators: the month grid's title, see strftime(3) */
  g_autofree char *title = g_date_time_format (first_dt, _("%B %Y"));
  GtkWidget *child;
  GDate start;
  GDate now;
  GDate day;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->meetings));
  guint cursor = 0;
  int rows;

  gtk_label_set_label (self->month_label, title);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->month_grid))) != NULL)
    gtk_grid_remove (self->month_grid, child);

  today (self, &now);
  start = self->month;
  monday_of (&start);

  /* Weekday names from a known Monday. */
  day = start;
  for (int c = 0; c < 7; c++, g_date_add_days (&day, 1))
    {
      g_autoptr(GDateTime) dt = date_time_of (&day);
      /* Translators: a weekday over the month grid, see strftime(3) */
      g_autofree char *name = g_date_time_format (dt, _("%a"));
      GtkWidget *label = gtk_label_new (name);

      gtk_widget_add_css_class (label, "pw-month-header");
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_grid_attach (self->month_grid, label, c, 0, 1, 1);
    }

  /* Enough weeks to hold the month: four to six. */
  {
    GDate last = self->month;

    g_date_add_months (&last, 1);
    g_date_subtract_days (&last, 1);
    rows = (g_date_days_between (&start, &last) / 7) + 1;
  }

  /* Skip meetings before the grid. */
  while (cursor < n)
    {
      g_autoptr(PwMeeting) m = g_list_model_get_item (G_LIST_MODEL (self->meetings), cursor);
      GDate d;

      date_of (pw_meeting_get_start (m), &d);
      if (g_date_compare (&d, &start) >= 0)
        break;
      cursor++;
    }

  day = start;
  for (int r = 0; r < rows; r++)
    for (int c = 0; c < 7; c++, g_date_add_days (&day, 1))
      {
        GtkWidget *cell = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
        GtkWidget *number;
        g_autofree char *num = g_strdup_printf ("%u", g_date_get_day (&day));
        char iso[11];
        guint shown = 0;
        guint more = 0;

        iso_of (&day, iso);
        gtk_widget_add_css_class (cell, "pw-day");
        gtk_widget_set_vexpand (cell, TRUE);
        if (c == 6)
          gtk_widget_add_css_class (cell, "last-column");
        if (r == rows - 1)
          gtk_widget_add_css_class (cell, "last-row");
        if (g_date_get_month (&day) != g_date_get_month (&self->month))
          gtk_widget_add_css_class (cell, "other-month");
        if (c >= 5)
          gtk_widget_add_css_class (cell, "weekend");
        if (g_date_compare (&day, &now) == 0)
          gtk_widget_add_css_class (cell, "today");

        number = gtk_label_new (num);
        gtk_widget_set_halign (number, GTK_ALIGN_START);
        gtk_widget_add_css_class (number, "pw-day-number");
        gtk_box_append (GTK_BOX (cell), number);

        if (g_hash_table_contains (self->closures, iso))
          {
            GtkWidget *closed = gtk_label_new (_("Closed"));

            gtk_widget_add_css_class (cell, "closure");
            gtk_widget_add_css_class (closed, "caption");
            gtk_widget_add_css_class (closed, "dim-label");
            gtk_label_set_xalign (GTK_LABEL (closed), 0);
            gtk_label_set_ellipsize (GTK_LABEL (closed), PANGO_ELLIPSIZE_END);
            gtk_widget_set_tooltip_text (closed, _("A closure day: no meetings are planned on it"));
            gtk_box_append (GTK_BOX (cell), closed);
          }

        while (cursor < n)
          {
            g_autoptr(PwMeeting) m = g_list_model_get_item (G_LIST_MODEL (self->meetings), cursor);
            GDate d;

            date_of (pw_meeting_get_start (m), &d);
            if (g_date_compare (&d, &day) != 0)
              break;

            if (shown < CHIPS_PER_DAY)
              {
                gtk_box_append (GTK_BOX (cell), chip_new (m));
                shown++;
              }
            else
              more++;
            cursor++;
          }

        if (more > 0)
          {
            /* Translators: more meetings on a day than the grid shows */
            g_autofree char *label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u more", "%u more", more), more);
            GtkWidget *button = gtk_button_new_with_label (label);

            gtk_widget_set_css_classes (button, (const char *[]) { "flat", "pw-more", NULL });
            gtk_widget_set_halign (button, GTK_ALIGN_START);
            gtk_widget_set_tooltip_text (button, _("Show the Week in the Agenda"));
            gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", iso);
            gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "schedule.show-week");
            gtk_box_append (GTK_BOX (cell), button);
          }

        gtk_grid_attach (self->month_grid, cell, c, r + 1, 1, 1);
      }
}

/* Progress */

static GtkWidget *
progress_row_new (void)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *figures = gtk_label_new (NULL);
  GtkWidget *reasons = gtk_label_new (NULL);
  GtkWidget *gauge = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *bar = gtk_level_bar_new ();
  GtkWidget *count = gtk_label_new (NULL);
  GtkWidget *open = gtk_button_new_from_icon_name ("folder-open-symbolic");

  gtk_widget_add_css_class (box, "pw-progress-row");
  gtk_widget_add_css_class (icon, "warning");
  gtk_widget_set_valign (icon, GTK_ALIGN_START);
  gtk_widget_set_tooltip_text (icon, _("Needs attention"));

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (title), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (figures), 0);
  gtk_label_set_wrap (GTK_LABEL (figures), TRUE);
  gtk_widget_add_css_class (figures, "caption");
  gtk_widget_add_css_class (figures, "dim-label");
  gtk_label_set_xalign (GTK_LABEL (reasons), 0);
  gtk_label_set_wrap (GTK_LABEL (reasons), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (reasons), PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (reasons, "caption");
  gtk_widget_add_css_class (reasons, "pw-progress-reasons");
  gtk_box_append (GTK_BOX (text), title);
  gtk_box_append (GTK_BOX (text), figures);
  gtk_box_append (GTK_BOX (text), reasons);
  gtk_widget_set_hexpand (text, TRUE);
  gtk_widget_set_valign (text, GTK_ALIGN_CENTER);

  gtk_widget_set_size_request (bar, 96, -1);
  gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_OFFSET_LOW);
  gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_OFFSET_HIGH);
  gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_OFFSET_FULL);
  gtk_widget_add_css_class (count, "numeric");
  gtk_widget_add_css_class (count, "caption");
  gtk_box_append (GTK_BOX (gauge), count);
  gtk_box_append (GTK_BOX (gauge), bar);
  gtk_widget_set_valign (gauge, GTK_ALIGN_CENTER);

  gtk_widget_add_css_class (open, "flat");
  gtk_widget_set_valign (open, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (open, _("Open Workspace"));
  /* The row's pair comes when it is bound. */
  gtk_actionable_set_action_target (GTK_ACTIONABLE (open), "x", (gint64) 0);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (open), "schedule.open-workspace");

  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), text);
  gtk_box_append (GTK_BOX (box), gauge);
  gtk_box_append (GTK_BOX (box), open);

  g_object_set_data (G_OBJECT (box), "pw-icon", icon);
  g_object_set_data (G_OBJECT (box), "pw-title", title);
  g_object_set_data (G_OBJECT (box), "pw-figures", figures);
  g_object_set_data (G_OBJECT (box), "pw-reasons", reasons);
  g_object_set_data (G_OBJECT (box), "pw-bar", bar);
  g_object_set_data (G_OBJECT (box), "pw-count", count);
  g_object_set_data (G_OBJECT (box), "pw-open", open);

  return box;
}

static void
setup_progress_cb (GtkSignalListItemFactory *factory,
                   GtkListItem              *item,
                   PwSchedulePage           *self)
{
  gtk_list_item_set_child (item, progress_row_new ());
}

static char *
progress_figures (PwPairProgress *p)
{
  g_autofree char *held = NULL;
  g_autofree char *since = NULL;
  int days = pw_pair_progress_get_days_since_last (p);

  /* Translators: meetings held against those planned */
  held = g_strdup_printf (_("%u of %u meetings held"), pw_pair_progress_get_held (p), pw_pair_progress_get_planned (p));
  if (days < 0)
    since = g_strdup (_("no meeting held yet"));
  else if (days == 0)
    since = g_strdup (_("last met today"));
  else
    since = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d day since the last meeting",
                                          "%d days since the last meeting", days),
                             days);

  return g_strdup_printf ("%s · %s", held, since);
}

static void
bind_progress_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  PwSchedulePage           *self)
{
  PwPairProgress *p = gtk_list_item_get_item (item);
  GtkWidget *box = gtk_list_item_get_child (item);
  const char * const *reasons = pw_pair_progress_get_reasons (p);
  g_autofree char *figures = progress_figures (p);
  g_autofree char *reason_text = reasons ? g_strjoinv ("\n", (char **) reasons) : NULL;
  g_autofree char *count = NULL;
  g_autofree char *tooltip = NULL;
  g_autofree char *open_name = NULL;
  gboolean attention = pw_pair_progress_get_attention (p) != PW_ATTENTION_NONE;
  guint target = MAX (pw_pair_progress_get_target (p), 1);
  GtkLevelBar *bar = g_object_get_data (G_OBJECT (box), "pw-bar");

  gtk_label_set_label (g_object_get_data (G_OBJECT (box), "pw-title"), pw_pair_progress_get_who (p));
  gtk_actionable_set_action_target (g_object_get_data (G_OBJECT (box), "pw-open"), "x", pw_pair_progress_get_pair_id (p));
  open_name = g_strdup_printf (_("Open the Workspace of %s"), pw_pair_progress_get_who (p));
  gtk_accessible_update_property (g_object_get_data (G_OBJECT (box), "pw-open"),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, open_name, -1);
  gtk_label_set_label (g_object_get_data (G_OBJECT (box), "pw-figures"), figures);
  gtk_label_set_label (g_object_get_data (G_OBJECT (box), "pw-reasons"), reason_text ? reason_text : "");
  gtk_widget_set_visible (g_object_get_data (G_OBJECT (box), "pw-reasons"), attention && reason_text && *reason_text);
  gtk_widget_set_visible (g_object_get_data (G_OBJECT (box), "pw-icon"), attention);
  /* The whole row stands out, not only its content. */
  if (gtk_widget_get_parent (box) != NULL)
    {
      if (attention)
        gtk_widget_add_css_class (gtk_widget_get_parent (box), "pw-attention-row");
      else
        gtk_widget_remove_css_class (gtk_widget_get_parent (box), "pw-attention-row");
    }

  /* Translators: significant discussions held against the target */
  count = g_strdup_printf (_("%u / %u discussions"), pw_pair_progress_get_significant (p), pw_pair_progress_get_target (p));
  gtk_label_set_label (g_object_get_data (G_OBJECT (box), "pw-count"), count);
  gtk_level_bar_set_max_value (bar, target);
  gtk_level_bar_set_value (bar, MIN (pw_pair_progress_get_significant (p), target));
  tooltip = g_strdup_printf (_("%u significant discussions of the %u the program asks for; %u expected by now"),
                             pw_pair_progress_get_significant (p), pw_pair_progress_get_target (p),
                             pw_pair_progress_get_expected (p));
  gtk_widget_set_tooltip_text (GTK_WIDGET (bar), tooltip);
}

static int
compare_progress (gconstpointer a,
                  gconstpointer b,
                  gpointer      user_data)
{
  gboolean aa = pw_pair_progress_get_attention ((PwPairProgress *) a) != PW_ATTENTION_NONE;
  gboolean ba = pw_pair_progress_get_attention ((PwPairProgress *) b) != PW_ATTENTION_NONE;

  /* Those that need attention first; otherwise as the core lists them. */
  return (int) ba - (int) aa;
}

static void
progress_activated_cb (PwSchedulePage *self,
                       guint           position)
{
  g_autoptr(PwPairProgress) p = g_list_model_get_item (G_LIST_MODEL (self->progress_sorted), position);

  if (p == NULL)
    return;

  pw_schedule_page_set_pair (self, pw_pair_progress_get_pair_id (p));
  adw_view_stack_set_visible_child_name (self->view_stack, "agenda");
}

/* Navigation */

static void
update_nav (PwSchedulePage *self)
{
  const char *view = adw_view_stack_get_visible_child_name (self->view_stack);
  gboolean month = g_strcmp0 (view, "month") == 0;

  gtk_widget_set_visible (self->nav_box, g_strcmp0 (view, "progress") != 0);
  gtk_widget_set_tooltip_text (self->previous_button, month ? _("Previous Month") : _("Previous Week"));
  gtk_widget_set_tooltip_text (self->next_button, month ? _("Next Month") : _("Next Week"));
}

static void
go_to (PwSchedulePage *self,
       const GDate    *date)
{
  self->week = *date;
  monday_of (&self->week);
  self->month = *date;
  g_date_set_day (&self->month, 1);
  build_agenda (self);
  build_month (self);
}

/* The first date worth showing: today within the programme, else its
 * first meeting ahead, else its start. */
static void
initial_date (PwSchedulePage *self,
              GDate          *out)
{
  g_autoptr(GDate) start = pw_date_parse (pw_programme_get_start_date (self->programme));
  g_autoptr(GDate) end = pw_date_parse (pw_programme_get_end_date (self->programme));

  today (self, out);
  if (start != NULL && g_date_valid (start) && g_date_compare (out, start) < 0)
    *out = *start;
  else if (end != NULL && g_date_valid (end) && g_date_compare (out, end) > 0)
    *out = *end;
}

static void
reload (PwSchedulePage *self)
{
  load_pairs (self);
  load_closures (self);
  load_meetings (self);
  load_progress (self);
  update_attention (self);
  build_agenda (self);
  build_month (self);

  gtk_stack_set_visible_child_name (self->main_stack,
                                    self->pair_ids->len > 0 ||
                                    g_list_model_get_n_items (G_LIST_MODEL (self->meetings)) > 0
                                    ? "content" : "empty");
}

/* Signal callbacks */

static void
store_changed_cb (PwSchedulePage *self,
                  const char     *table,
                  PwStore        *store)
{
  if (g_str_equal (table, "meeting") || g_str_equal (table, "pair") ||
      g_str_equal (table, "person") || g_str_equal (table, "programme"))
    reload (self);
}

static void
pair_selected_cb (PwSchedulePage *self)
{
  guint selected = gtk_drop_down_get_selected (self->pair_dropdown);
  gint64 pair = 0;

  if (self->loading)
    return;

  if (selected != GTK_INVALID_LIST_POSITION && selected > 0 && selected <= self->pair_ids->len)
    pair = g_array_index (self->pair_ids, gint64, selected - 1);

  pw_schedule_page_set_pair (self, pair);
}

static void
undo_log_cb (AdwToast       *toast,
             PwSchedulePage *self)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (toast), "pw-meeting"));
  int status = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (toast), "pw-status"));
  int held = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (toast), "pw-held"));
  g_autoptr(GError) error = NULL;

  if (!pw_schedule_log (self->store, id, (PwMeetingStatus) status, held, &error))
    show_message (self, error->message);
}

static void
show_cancelled (PwSchedulePage  *self,
                gint64           id,
                PwMeetingStatus  previous,
                int              held)
{
  g_autoptr(PwMeeting) m = find_meeting (self, id);
  g_autofree char *title = m ? pw_meeting_dup_title (m) : g_strdup (_("Meeting"));
  g_autofree char *text = g_strdup_printf (_("%s cancelled"), title);
  AdwToast *t = pw_toast_new_plain (text);

  adw_toast_set_button_label (t, _("_Undo"));
  g_object_set_data (G_OBJECT (t), "pw-meeting", GSIZE_TO_POINTER ((gsize) id));
  g_object_set_data (G_OBJECT (t), "pw-status", GINT_TO_POINTER ((int) previous));
  g_object_set_data (G_OBJECT (t), "pw-held", GINT_TO_POINTER (held));
  g_signal_connect_object (t, "button-clicked", G_CALLBACK (undo_log_cb), self, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, t);
}

static void
editor_cancelled_cb (PwMeetingEditor *editor,
                     gint64           id,
                     int              previous,
                     int              held,
                     PwSchedulePage  *self)
{
  show_cancelled (self, id, (PwMeetingStatus) previous, held);
}

static void
editor_saved_cb (PwMeetingEditor *editor,
                 gint64           id,
                 PwSchedulePage  *self)
{
  show_message (self, _("Meeting saved"));
}

static GtkWidget *
find_descendant (GtkWidget *widget,
                 GType      type)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type))
        return child;
      if ((found = find_descendant (child, type)) != NULL)
        return found;
    }

  return NULL;
}

static void
export_response_cb (GtkNativeDialog *chooser,
                    int              response,
                    PwSchedulePage  *self)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_clear_object (&self->chooser);

  if (file == NULL)
    return;

  path = g_file_get_path (file);
  if (path == NULL)
    {
      show_message (self, _("Choose a file on this computer to export to"));
      return;
    }

  if (!pw_ics_export_file (self->store, pw_programme_get_id (self->programme), self->pair_id, path, &error))
    {
      show_message (self, error->message);
      return;
    }

  text = g_strdup_printf (_("Exported to %s"), g_file_peek_path (file));
  show_message (self, text);
}

/* Actions */

static void
log_with (PwSchedulePage  *self,
          gint64           id,
          PwMeetingStatus  status)
{
  g_autoptr(PwMeeting) m = find_meeting (self, id);
  g_autoptr(GError) error = NULL;
  int minutes;

  if (m == NULL)
    return;

  if (status == PW_MEETING_CANCELLED)
    {
      PwMeetingStatus previous = pw_meeting_get_status (m);
      int held = pw_meeting_get_held_minutes (m);

      if (!pw_schedule_log (self->store, id, status, 0, &error))
        show_message (self, error->message);
      else
        show_cancelled (self, id, previous, held);
      return;
    }

  /* Held for its planned length; the editor takes another. */
  minutes = pw_meeting_get_minutes (m);
  if (!pw_schedule_log (self->store, id, status, minutes, &error))
    show_message (self, error->message);
}

static void
log_activated (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  PwSchedulePage *self = PW_SCHEDULE_PAGE (widget);
  PwMeetingStatus status = PW_MEETING_PLANNED;

  if (g_str_equal (action_name, "schedule.log-held"))
    status = PW_MEETING_HELD;
  else if (g_str_equal (action_name, "schedule.log-missed"))
    status = PW_MEETING_MISSED;
  else if (g_str_equal (action_name, "schedule.cancel"))
    status = PW_MEETING_CANCELLED;

  log_with (self, g_variant_get_int64 (parameter), status);
}

static void
edit_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  pw_schedule_page_edit_meeting (PW_SCHEDULE_PAGE (widget), g_variant_get_int64 (parameter));
}

static void
add_activated (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  PwSchedulePage *self = PW_SCHEDULE_PAGE (widget);
  PwMeetingEditor *editor = pw_meeting_editor_new (self->store, self->programme, NULL, self->pair_id);
  GtkRoot *root = gtk_widget_get_root (widget);

  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (editor), GTK_WINDOW (root));
  g_signal_connect_object (editor, "saved", G_CALLBACK (editor_saved_cb), self, 0);
  gtk_window_present (GTK_WINDOW (editor));
}

static void
export_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  PwSchedulePage *self = PW_SCHEDULE_PAGE (widget);
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;
  const char *base = pw_programme_get_name (self->programme);

  if (self->chooser != NULL)
    return;

  if (self->pair_id != 0)
    base = gtk_string_list_get_string (self->pair_names, gtk_drop_down_get_selected (self->pair_dropdown));
  name = g_strdup_printf ("%s.ics", base && *base ? base : "pairwise");
  g_strdelimit (name, "/\\:", '-');

  title = g_strdup (self->pair_id != 0 ? _("Export the Pair’s Meetings") : _("Export the Program’s Meetings"));
  self->chooser = pw_file_chooser_new (widget, title, GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
  {
    g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

    gtk_file_filter_set_name (filter, _("Calendar files"));
    gtk_file_filter_add_mime_type (filter, "text/calendar");
    gtk_file_filter_add_suffix (filter, "ics");
    gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  }
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (export_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
closures_activated (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  PwSchedulePage *self = PW_SCHEDULE_PAGE (widget);
  GtkWidget *dialog = pw_closure_days_dialog_new (self->store, self->programme);
  GtkRoot *root = gtk_widget_get_root (widget);

  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (root));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
open_workspace_activated (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  PwSchedulePage *self = PW_SCHEDULE_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);

  pw_workspace_window_open (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                            self->store, g_variant_get_int64 (parameter));
}

static void
previous_activated (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  PwSchedulePage *self = PW_SCHEDULE_PAGE (widget);
  gboolean month = g_strcmp0 (adw_view_stack_get_visible_child_name (self->view_stack), "month") == 0;
  gboolean next = g_str_equal (action_name, "schedule.next");

  if (month)
    {
      if (next)
        g_date_add_months (&self->month, 1);
      else
        g_date_subtract_months (&self->month, 1);
      build_month (self);
    }
  else
    {
      if (next)
        g_date_add_days (&self->week, 7);
      else
        g_date_subtract_days (&self->week, 7);
      build_agenda (self);
    }
}

static void
today_activated (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  PwSchedulePage *self = PW_SCHEDULE_PAGE (widget);
  GDate now;

  today (self, &now);
  go_to (self, &now);
}

static void
show_week_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  PwSchedulePage *self = PW_SCHEDULE_PAGE (widget);

  pw_schedule_page_show_date (self, g_variant_get_string (parameter, NULL));
  adw_view_stack_set_visible_child_name (self->view_stack, "agenda");
}

static void
show_attention_activated (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  PwSchedulePage *self = PW_SCHEDULE_PAGE (widget);

  /* All pairs, those that need attention sorted first. */
  pw_schedule_page_set_pair (self, 0);
  adw_view_stack_set_visible_child_name (self->view_stack, "progress");
  if (gtk_widget_get_mapped (GTK_WIDGET (self->progress_view)))
    gtk_widget_activate_action (GTK_WIDGET (self->progress_view), "list.scroll-to-item", "u", 0);
}

/* Overrides */

static void
pw_schedule_page_constructed (GObject *object)
{
  PwSchedulePage *self = PW_SCHEDULE_PAGE (object);
  GDate start;

  G_OBJECT_CLASS (pw_schedule_page_parent_class)->constructed (object);

  g_assert (PW_IS_STORE (self->store));
  g_assert (PW_IS_PROGRAMME (self->programme));

  /* Until the page finds the programme's own, or for a page on its own. */
  self->reminders = pw_reminders_new (self->store, pw_programme_get_id (self->programme));

  initial_date (self, &start);
  self->week = start;
  monday_of (&self->week);
  self->month = start;
  g_date_set_day (&self->month, 1);

  reload (self);
  update_nav (self);

  g_signal_connect_object (self->store, "changed", G_CALLBACK (store_changed_cb), self, G_CONNECT_SWAPPED);
}

static void
pw_schedule_page_root (GtkWidget *widget)
{
  PwSchedulePage *self = PW_SCHEDULE_PAGE (widget);
  GtkWidget *view;
  PwReminders *shared;

  GTK_WIDGET_CLASS (pw_schedule_page_parent_class)->root (widget);

  /* The programme's reminders run from the moment it opens (see
   * pw_schedule_page_attach()); the page uses those rather than its own. */
  view = gtk_widget_get_ancestor (widget, PW_TYPE_PROGRAMME_VIEW);
  shared = view ? g_object_get_data (G_OBJECT (view), REMINDERS_KEY) : NULL;
  if (shared != NULL && shared != self->reminders)
    {
      g_set_object (&self->reminders, shared);
      pw_reminders_set_now (self->reminders, self->now);
    }
}

static void
pw_schedule_page_dispose (GObject *object)
{
  PwSchedulePage *self = PW_SCHEDULE_PAGE (object);

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), PW_TYPE_SCHEDULE_PAGE);
  g_clear_object (&self->reminders);
  g_clear_object (&self->progress_sorted);
  g_clear_object (&self->progress);
  g_clear_object (&self->agenda);
  g_clear_object (&self->meetings);
  g_clear_object (&self->pair_names);
  g_clear_pointer (&self->pair_ids, g_array_unref);
  g_clear_pointer (&self->closures, g_hash_table_unref);
  g_clear_pointer (&self->now, g_date_time_unref);
  g_clear_object (&self->programme);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (pw_schedule_page_parent_class)->dispose (object);
}

static void
pw_schedule_page_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  PwSchedulePage *self = PW_SCHEDULE_PAGE (object);

  if (!pw_section_get_property (pspec, value, self->store, self->programme))
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
pw_schedule_page_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  PwSchedulePage *self = PW_SCHEDULE_PAGE (object);

  if (!pw_section_set_property (pspec, value, &self->store, &self->programme))
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
pw_schedule_page_class_init (PwSchedulePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = pw_schedule_page_constructed;
  object_class->dispose = pw_schedule_page_dispose;
  object_class->get_property = pw_schedule_page_get_property;
  object_class->set_property = pw_schedule_page_set_property;
  widget_class->root = pw_schedule_page_root;

  properties [PROP_STORE] = pw_param_spec_store ();
  properties [PROP_PROGRAMME] = pw_param_spec_programme ();

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/pw-schedule-page.ui");
  gtk_widget_class_bind_template_child (widget_class, PwSchedulePage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, PwSchedulePage, main_stack);
  gtk_widget_class_bind_template_child (widget_class, PwSchedulePage, attention_revealer);
  gtk_widget_class_bind_template_child (widget_class, PwSchedulePage, attention_label);
  gtk_widget_class_bind_template_child (widget_class, PwSchedulePage, nav_box);
  gtk_widget_class_bind_template_child (widget_class, PwSchedulePage, previous_button);
  gtk_widget_class_bind_template_child (widget_class, PwSchedulePage, next_button);
  gtk_widget_class_bind_template_child (widget_class, PwSchedulePage, pair_dropdown);
  gtk_widget_class_bind_template_child (widget_class, PwSchedulePage, view_stack);
  gtk_widget_class_bind_template_child (widget_class, PwSchedulePage, agenda_view);
  gtk_widget_class_bind_template_child (widget_class, PwSchedulePage, month_label);
  gtk_widget_class_bind_template_child (widget_class, PwSchedulePage, month_grid);
  gtk_widget_class_bind_template_child (widget_class, PwSchedulePage, progress_view);

  gtk_widget_class_install_action (widget_class, "schedule.previous", NULL, previous_activated);
  gtk_widget_class_install_action (widget_class, "schedule.next", NULL, previous_activated);
  gtk_widget_class_install_action (widget_class, "schedule.today", NULL, today_activated);
  gtk_widget_class_install_action (widget_class, "schedule.add", NULL, add_activated);
  gtk_widget_class_install_action (widget_class, "schedule.export", NULL, export_activated);
  gtk_widget_class_install_action (widget_class, "schedule.closures", NULL, closures_activated);
  gtk_widget_class_install_action (widget_class, "schedule.open-workspace", "x", open_workspace_activated);
  gtk_widget_class_install_action (widget_class, "schedule.edit", "x", edit_activated);
  gtk_widget_class_install_action (widget_class, "schedule.log-held", "x", log_activated);
  gtk_widget_class_install_action (widget_class, "schedule.log-missed", "x", log_activated);
  gtk_widget_class_install_action (widget_class, "schedule.log-planned", "x", log_activated);
  gtk_widget_class_install_action (widget_class, "schedule.cancel", "x", log_activated);
  gtk_widget_class_install_action (widget_class, "schedule.show-week", "s", show_week_activated);
  gtk_widget_class_install_action (widget_class, "schedule.show-attention", NULL, show_attention_activated);
}

static void
load_css (void)
{
  static gboolean loaded;
  g_autoptr(GtkCssProvider) provider = NULL;
  GdkDisplay *display = gdk_display_get_default ();

  if (loaded || display == NULL)
    return;
  loaded = TRUE;

  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (provider, RESOURCE_PREFIX "/pw-schedule-page.css");
  gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}

static void
pw_schedule_page_init (PwSchedulePage *self)
{
  GtkListItemFactory *factory;
  GtkSelectionModel *selection;

  load_css ();
  gtk_widget_init_template (GTK_WIDGET (self));

  self->pair_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->pair_names = gtk_string_list_new (NULL);
  self->meetings = g_list_store_new (PW_TYPE_MEETING);
  self->agenda = g_list_store_new (G_TYPE_OBJECT);
  self->progress = g_list_store_new (PW_TYPE_PAIR_PROGRESS);
  self->closures = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_date_clear (&self->week, 1);
  g_date_clear (&self->month, 1);

  gtk_drop_down_set_model (self->pair_dropdown, G_LIST_MODEL (self->pair_names));
  g_signal_connect_object (self->pair_dropdown, "notify::selected", G_CALLBACK (pair_selected_cb), self, G_CONNECT_SWAPPED);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_agenda_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_agenda_cb), self);
  selection = GTK_SELECTION_MODEL (gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->agenda))));
  gtk_list_view_set_factory (self->agenda_view, factory);
  gtk_list_view_set_model (self->agenda_view, selection);
  g_object_unref (factory);
  g_object_unref (selection);
  g_signal_connect_object (self->agenda_view, "activate", G_CALLBACK (agenda_activated_cb), self, G_CONNECT_SWAPPED);

  self->progress_sorted = gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (self->progress)),
                                                   GTK_SORTER (gtk_custom_sorter_new (compare_progress, NULL, NULL)));
  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_progress_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_progress_cb), self);
  selection = GTK_SELECTION_MODEL (gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->progress_sorted))));
  gtk_list_view_set_factory (self->progress_view, factory);
  gtk_list_view_set_model (self->progress_view, selection);
  g_object_unref (factory);
  g_object_unref (selection);
  g_signal_connect_object (self->progress_view, "activate", G_CALLBACK (progress_activated_cb), self, G_CONNECT_SWAPPED);

  g_signal_connect_object (self->view_stack, "notify::visible-child-name", G_CALLBACK (update_nav), self, G_CONNECT_SWAPPED);
}

/* Public API */

GtkWidget *
pw_schedule_page_new (PwStore     *store,
                      PwProgramme *programme)
{
  g_return_val_if_fail (PW_IS_STORE (store), NULL);
  g_return_val_if_fail (PW_IS_PROGRAMME (programme), NULL);

  return g_object_new (PW_TYPE_SCHEDULE_PAGE,
                       "store", store,
                       "programme", programme,
                       NULL);
}

void
pw_schedule_page_set_now (PwSchedulePage *self,
                          GDateTime      *now)
{
  g_return_if_fail (PW_IS_SCHEDULE_PAGE (self));

  g_clear_pointer (&self->now, g_date_time_unref);
  if (now != NULL)
    self->now = g_date_time_ref (now);
  pw_reminders_set_now (self->reminders, now);
  reload (self);
}

void
pw_schedule_page_set_pair (PwSchedulePage *self,
                           gint64          pair_id)
{
  guint selected = 0;

  g_return_if_fail (PW_IS_SCHEDULE_PAGE (self));

  for (guint i = 0; i < self->pair_ids->len; i++)
    if (g_array_index (self->pair_ids, gint64, i) == pair_id)
      selected = i + 1;
  if (selected == 0)
    pair_id = 0;

  if (self->pair_id == pair_id)
    return;

  self->pair_id = pair_id;
  self->loading = TRUE;
  gtk_drop_down_set_selected (self->pair_dropdown, selected);
  self->loading = FALSE;
  load_meetings (self);
  load_progress (self);
  build_agenda (self);
  build_month (self);
}

gint64
pw_schedule_page_get_pair (PwSchedulePage *self)
{
  g_return_val_if_fail (PW_IS_SCHEDULE_PAGE (self), 0);

  return self->pair_id;
}

void
pw_schedule_page_show_date (PwSchedulePage *self,
                            const char     *iso_date)
{
  g_autoptr(GDate) date = NULL;

  g_return_if_fail (PW_IS_SCHEDULE_PAGE (self));

  date = pw_date_parse (iso_date);
  g_return_if_fail (date != NULL && g_date_valid (date));

  go_to (self, date);
}

GListModel *
pw_schedule_page_get_meetings (PwSchedulePage *self)
{
  g_return_val_if_fail (PW_IS_SCHEDULE_PAGE (self), NULL);

  return G_LIST_MODEL (self->meetings);
}

GListModel *
pw_schedule_page_get_agenda (PwSchedulePage *self)
{
  g_return_val_if_fail (PW_IS_SCHEDULE_PAGE (self), NULL);

  return G_LIST_MODEL (self->agenda);
}

GListModel *
pw_schedule_page_get_progress (PwSchedulePage *self)
{
  g_return_val_if_fail (PW_IS_SCHEDULE_PAGE (self), NULL);

  return G_LIST_MODEL (self->progress_sorted);
}

guint
pw_schedule_page_get_n_attention (PwSchedulePage *self)
{
  g_return_val_if_fail (PW_IS_SCHEDULE_PAGE (self), 0);

  return self->n_attention;
}

PwMeetingEditor *
pw_schedule_page_edit_meeting (PwSchedulePage *self,
                               gint64          meeting_id)
{
  g_autoptr(PwMeeting) meeting = NULL;
  g_autoptr(GError) error = NULL;
  PwMeetingEditor *editor;
  GtkRoot *root;

  g_return_val_if_fail (PW_IS_SCHEDULE_PAGE (self), NULL);

  /* Fresh from the store: the list may be a moment behind. */
  meeting = pw_schedule_get (self->store, meeting_id, &error);
  if (meeting == NULL)
    {
      show_message (self, error->message);
      return NULL;
    }

  editor = pw_meeting_editor_new (self->store, self->programme, meeting, 0);
  root = gtk_widget_get_root (GTK_WIDGET (self));
  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (editor), GTK_WINDOW (root));
  g_signal_connect_object (editor, "saved", G_CALLBACK (editor_saved_cb), self, 0);
  g_signal_connect_object (editor, "meeting-cancelled", G_CALLBACK (editor_cancelled_cb), self, 0);
  gtk_window_present (GTK_WINDOW (editor));

  return editor;
}

PwReminders *
pw_schedule_page_get_reminders (PwSchedulePage *self)
{
  g_return_val_if_fail (PW_IS_SCHEDULE_PAGE (self), NULL);

  return self->reminders;
}

typedef struct
{
  GtkWidget   *view;     /* weak */
  PwStore     *store;
  PwProgramme *programme;
} Greeting;

static void
greeting_free (gpointer data)
{
  Greeting *g = data;

  g_clear_weak_pointer (&g->view);
  g_clear_object (&g->store);
  g_clear_object (&g->programme);
  g_free (g);
}

static void
greeting_show_cb (AdwToast *t,
                  Greeting *g)
{
  GtkWidget *page;

  if (g->view == NULL)
    return;

  pw_programme_view_show_section (PW_PROGRAMME_VIEW (g->view), "schedule");
  page = find_descendant (g->view, PW_TYPE_SCHEDULE_PAGE);
  if (page != NULL)
    gtk_widget_activate_action (page, "schedule.show-attention", NULL);
}

static Greeting *
greeting_new (GtkWidget   *view,
              PwStore     *store,
              PwProgramme *programme)
{
  Greeting *g = g_new0 (Greeting, 1);

  g_set_weak_pointer (&g->view, view);
  g->store = g_object_ref (store);
  g->programme = g_object_ref (programme);

  return g;
}

static void
greet_cb (GtkWidget *view,
          gpointer   user_data)
{
  Greeting *g = user_data;
  g_autoptr(GListModel) attention = NULL;
  g_autofree char *text = NULL;
  GtkRoot *root;
  AdwToast *t;
  guint n;

  if ((root = gtk_widget_get_root (view)) == NULL || !PW_IS_WINDOW (root))
    return;

  attention = pw_schedule_attention (g->store, pw_programme_get_id (g->programme), NULL, NULL);
  n = attention ? g_list_model_get_n_items (attention) : 0;
  if (n == 0)
    return;

  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "%u pair needs attention",
                                       "%u pairs need attention",
                                       n),
                          n);
  t = adw_toast_new (text);
  adw_toast_set_button_label (t, _("_Show"));
  adw_toast_set_timeout (t, 10);
  g_signal_connect_data (t, "button-clicked", G_CALLBACK (greeting_show_cb),
                         greeting_new (view, g->store, g->programme),
                         (GClosureNotify) (void (*) (void)) greeting_free, 0);
  pw_window_add_toast (PW_WINDOW (root), t);
}

/**
 * pw_schedule_page_attach:
 * @view: the programme view, just built
 *
 * What the schedule does from the moment a programme opens, before its
 * section is ever shown: start the reminders (kept on @view, which the
 * page then uses), and say once in a toast how many pairs need attention,
 * with a button to show them.
 */
void
pw_schedule_page_attach (GtkWidget   *view,
                         PwStore     *store,
                         PwProgramme *programme)
{
  g_return_if_fail (GTK_IS_WIDGET (view));
  g_return_if_fail (PW_IS_STORE (store));
  g_return_if_fail (PW_IS_PROGRAMME (programme));

  g_object_set_data_full (G_OBJECT (view), REMINDERS_KEY,
                          pw_reminders_new (store, pw_programme_get_id (programme)),
                          g_object_unref);

  /* Once the window has put the view on screen: the count reads the
   * programme's pairs, which the first frame need not wait for. */
  pw_widget_after_frame (view, greet_cb, greeting_new (view, store, programme), greeting_free);
}
