/* pw-gui-utils.c — small helpers shared by the widgets
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "pw-gui-utils"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "pw-gui-utils.h"
#include "pw-window.h"

const char *
pw_programme_kind_to_label (PwProgrammeKind kind)
{
  switch (kind)
    {
    case PW_PROGRAMME_KIND_REVERSE:
      return _("Reverse mentoring");

    case PW_PROGRAMME_KIND_TRADITIONAL:
      return _("Traditional mentoring");

    case PW_PROGRAMME_KIND_PEER:
      return _("Peer mentoring");

    default:
      g_return_val_if_reached (NULL);
    }
}

static GDateTime *
date_time_from_iso (const char *iso_date)
{
  g_autoptr(GDate) date = NULL;

  if (iso_date == NULL || *iso_date == '\0')
    return NULL;

  date = pw_date_parse (iso_date);
  if (date == NULL || !g_date_valid (date))
    return NULL;

  return g_date_time_new_local (g_date_get_year (date),
                                g_date_get_month (date),
                                g_date_get_day (date),
                                0, 0, 0);
}

/**
 * pw_format_date:
 * @iso_date: (nullable): a date as YYYY-MM-DD
 * @abbreviated: whether to abbreviate the month
 *
 * Returns: (transfer full): the date as a person reads it, or "—" when
 *   there is none
 */
char *
pw_format_date (const char *iso_date,
                gboolean    abbreviated)
{
  g_autoptr(GDateTime) dt = date_time_from_iso (iso_date);

  if (dt == NULL)
    return g_strdup ("—");

  if (abbreviated)
    /* Translators: a short date, see the strftime manual page */
    return g_date_time_format (dt, _("%b %-e, %Y"));

  /* Translators: a date, see the strftime manual page */
  return g_date_time_format (dt, _("%B %-e, %Y"));
}

char *
pw_format_date_range (const char *start,
                      const char *end)
{
  g_autofree char *s = pw_format_date (start, TRUE);
  g_autofree char *e = pw_format_date (end, TRUE);

  /* Translators: a range of dates, start – end */
  return g_strdup_printf (_("%s – %s"), s, e);
}

/**
 * pw_format_duration:
 *
 * Returns: (transfer full) (nullable): how long a programme from @start to
 *   @end runs, in whole months and days ("12 months"), or %NULL when the
 *   dates do not make a period
 */
char *
pw_format_duration (const char *start,
                    const char *end)
{
  g_autoptr(GDate) s = NULL;
  g_autoptr(GDate) e = NULL;
  g_autoptr(GDate) mark = NULL;
  int months;
  int days;

  if (start == NULL || end == NULL)
    return NULL;

  s = pw_date_parse (start);
  e = pw_date_parse (end);
  if (s == NULL || e == NULL || !g_date_valid (s) || !g_date_valid (e) ||
      g_date_compare (e, s) <= 0)
    return NULL;

  /* As the core reckons it: 1 September to the next 1 September is 12 months. */
  months = (g_date_get_year (e) - g_date_get_year (s)) * 12
           + (int) g_date_get_month (e) - (int) g_date_get_month (s);
  mark = g_date_copy (s);
  g_date_add_months (mark, months);
  if (g_date_compare (mark, e) > 0)
    {
      months--;
      g_date_subtract_months (mark, 1);
    }
  days = g_date_days_between (mark, e);

  if (months > 0 && days > 0)
    {
      g_autofree char *m = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d month", "%d months", months), months);
      g_autofree char *d = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d day", "%d days", days), days);

      /* Translators: a duration, "3 months, 2 days" */
      return g_strdup_printf (_("%s, %s"), m, d);
    }
  else if (months > 0)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d month", "%d months", months), months);
  else
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d day", "%d days", days), days);
}

/**
 * pw_widget_show_error:
 * @row: a row or an entry
 * @message: (nullable): what is wrong, or %NULL to clear the error
 *
 * Marks @row as holding an invalid value and tells why: an action row says
 * it in its subtitle, any other widget in its tooltip.
 */
void
pw_widget_show_error (GtkWidget  *row,
                      const char *message)
{
  gboolean had_error;

  g_return_if_fail (GTK_IS_WIDGET (row));

  had_error = gtk_widget_has_css_class (row, "error");
  if (message == NULL && !had_error)
    return;

  if (message != NULL)
    gtk_widget_add_css_class (row, "error");
  else
    gtk_widget_remove_css_class (row, "error");

  if (ADW_IS_ACTION_ROW (row))
    {
      AdwActionRow *action_row = ADW_ACTION_ROW (row);

      /* Keep the row's own subtitle to give it back once the value is fixed. */
      if (message != NULL && !had_error)
        g_object_set_data_full (G_OBJECT (row), "pw-subtitle",
                                g_strdup (adw_action_row_get_subtitle (action_row)),
                                g_free);

      if (message != NULL)
        adw_action_row_set_subtitle (action_row, message);
      else if (had_error)
        adw_action_row_set_subtitle (action_row, g_object_get_data (G_OBJECT (row), "pw-subtitle"));
    }
  else if (ADW_IS_ENTRY_ROW (row))
    {
      GtkWidget *icon = g_object_get_data (G_OBJECT (row), "pw-error-icon");

      /* An entry row has no subtitle: an icon at its end carries the message. */
      if (icon == NULL && message != NULL)
        {
          icon = gtk_image_new_from_icon_name ("dialog-error-symbolic");
          gtk_widget_add_css_class (icon, "error");
          adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), icon);
          g_object_set_data (G_OBJECT (row), "pw-error-icon", icon);
        }

      if (icon != NULL)
        {
          gtk_widget_set_visible (icon, message != NULL);
          gtk_widget_set_tooltip_text (icon, message);
        }

      gtk_widget_set_tooltip_text (row, message);
    }
  else
    {
      gtk_widget_set_tooltip_text (row, message);
    }

  if (message != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message,
                                    -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (row),
                                   GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);

  gtk_accessible_update_state (GTK_ACCESSIBLE (row),
                               GTK_ACCESSIBLE_STATE_INVALID,
                               message != NULL ? GTK_ACCESSIBLE_INVALID_TRUE : GTK_ACCESSIBLE_INVALID_FALSE,
                               -1);
}

AdwToast *
pw_toast_new_plain (const char *text)
{
  g_autofree char *escaped = g_markup_escape_text (text ? text : "", -1);

  return adw_toast_new (escaped);
}

/**
 * pw_widget_add_toast:
 * @widget: a widget of the main window
 * @toast: (transfer full): the toast
 *
 * Shows @toast in the #PwWindow @widget is in.
 *
 * Returns: %FALSE, the toast dropped, when @widget is in none
 */
gboolean
pw_widget_add_toast (GtkWidget *widget,
                     AdwToast  *toast)
{
  GtkRoot *root;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), FALSE);
  g_return_val_if_fail (ADW_IS_TOAST (toast), FALSE);

  root = gtk_widget_get_root (widget);
  if (!PW_IS_WINDOW (root))
    {
      g_object_unref (toast);
      return FALSE;
    }

  pw_window_add_toast (PW_WINDOW (root), toast);
  return TRUE;
}

/**
 * pw_file_chooser_new:
 * @parent: the widget asking; the chooser is modal to its window
 *
 * Returns: (transfer full): a file chooser, for the caller to show
 */
GtkFileChooserNative *
pw_file_chooser_new (GtkWidget            *parent,
                     const char           *title,
                     GtkFileChooserAction  action,
                     const char           *accept_label,
                     const char           *cancel_label)
{
  GtkRoot *root;
  GtkFileChooserNative *chooser;

  g_return_val_if_fail (GTK_IS_WIDGET (parent), NULL);

  root = gtk_widget_get_root (parent);
  chooser = gtk_file_chooser_native_new (title, GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         action, accept_label, cancel_label);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);

  return chooser;
}

/**
 * pw_file_chooser_add_filter:
 * @mime_type: (nullable): the files' MIME type
 * @...: glob patterns of file names, then %NULL
 *
 * Offers @chooser a filter called @name for files of @mime_type or whose
 * names match one of the patterns.
 */
void
pw_file_chooser_add_filter (GtkFileChooserNative *chooser,
                            const char           *name,
                            const char           *mime_type,
                            ...)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  const char *pattern;
  va_list args;

  g_return_if_fail (GTK_IS_FILE_CHOOSER_NATIVE (chooser));

  gtk_file_filter_set_name (filter, name);
  va_start (args, mime_type);
  while ((pattern = va_arg (args, const char *)) != NULL)
    gtk_file_filter_add_pattern (filter, pattern);
  va_end (args);
  if (mime_type != NULL)
    gtk_file_filter_add_mime_type (filter, mime_type);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
}

GParamSpec *
pw_param_spec_store (void)
{
  return g_param_spec_object ("store", NULL, NULL,
                              PW_TYPE_STORE,
                              (G_PARAM_READWRITE |
                               G_PARAM_CONSTRUCT_ONLY |
                               G_PARAM_STATIC_STRINGS));
}

GParamSpec *
pw_param_spec_programme (void)
{
  return g_param_spec_object ("programme", NULL, NULL,
                              PW_TYPE_PROGRAMME,
                              (G_PARAM_READWRITE |
                               G_PARAM_CONSTRUCT_ONLY |
                               G_PARAM_STATIC_STRINGS));
}

/**
 * pw_section_get_property:
 * @pspec: the property asked for
 *
 * Reads the "store" or "programme" property made by pw_param_spec_store()
 * or pw_param_spec_programme() into @value.
 *
 * Returns: %FALSE when @pspec is neither, for the caller to warn
 */
gboolean
pw_section_get_property (GParamSpec  *pspec,
                         GValue      *value,
                         PwStore     *store,
                         PwProgramme *programme)
{
  if (g_str_equal (pspec->name, "store"))
    g_value_set_object (value, store);
  else if (g_str_equal (pspec->name, "programme"))
    g_value_set_object (value, programme);
  else
    return FALSE;

  return TRUE;
}

/**
 * pw_section_set_property:
 * @store: (out): the section's store field, set once, at construction
 * @programme: (out): the section's programme field, likewise
 *
 * Returns: %FALSE when @pspec is neither "store" nor "programme"
 */
gboolean
pw_section_set_property (GParamSpec    *pspec,
                         const GValue  *value,
                         PwStore      **store,
                         PwProgramme  **programme)
{
  if (g_str_equal (pspec->name, "store"))
    *store = g_value_dup_object (value);
  else if (g_str_equal (pspec->name, "programme"))
    *programme = g_value_dup_object (value);
  else
    return FALSE;

  return TRUE;
}

static void
create_menu_popup_cb (GtkMenuButton *button,
                      gpointer       user_data)
{
  if (gtk_menu_button_get_menu_model (button) == NULL)
    gtk_menu_button_set_menu_model (button, G_MENU_MODEL (user_data));
}

/**
 * pw_menu_button_set_menu_lazily:
 * @button: a menu button without a menu
 * @model: the menu it opens
 *
 * Gives @button its menu the first time it opens rather than now: a
 * GtkMenuButton builds the whole popover the moment it is given a model,
 * which a window's first frame, or a list of rows each with a menu, need
 * not wait for. The button is sensitive from the start all the same.
 */
void
pw_menu_button_set_menu_lazily (GtkMenuButton *button,
                                GMenuModel    *model)
{
  g_return_if_fail (GTK_IS_MENU_BUTTON (button));
  g_return_if_fail (G_IS_MENU_MODEL (model));

  gtk_menu_button_set_create_popup_func (button, create_menu_popup_cb,
                                         g_object_ref (model), g_object_unref);
}

typedef struct
{
  GtkWidget        *widget;  /* weak */
  PwAfterFrameFunc  func;
  gpointer          user_data;
  GDestroyNotify    destroy;
} AfterFrame;

static AfterFrame *
after_frame_new (GtkWidget        *widget,
                 PwAfterFrameFunc  func,
                 gpointer          user_data,
                 GDestroyNotify    destroy)
{
  AfterFrame *af = g_new0 (AfterFrame, 1);

  g_set_weak_pointer (&af->widget, widget);
  af->func = func;
  af->user_data = user_data;
  af->destroy = destroy;

  return af;
}

/* Hands the callback on to a new stage, leaving @af nothing to free but
 * itself. */
static AfterFrame *
after_frame_steal (AfterFrame *af)
{
  AfterFrame *next = after_frame_new (af->widget, af->func, af->user_data, af->destroy);

  af->func = NULL;
  af->destroy = NULL;

  return next;
}

static void
after_frame_free (gpointer data)
{
  AfterFrame *af = data;

  if (af->destroy != NULL)
    af->destroy (af->user_data);
  g_clear_weak_pointer (&af->widget);
  g_free (af);
}

static void
after_frame_closure_free (gpointer  data,
                          GClosure *closure)
{
  after_frame_free (data);
}

static gboolean
after_frame_idle_cb (gpointer data)
{
  AfterFrame *af = data;

  if (af->widget != NULL && af->func != NULL)
    af->func (af->widget, af->user_data);

  return G_SOURCE_REMOVE;
}

static void
after_frame_painted_cb (GdkFrameClock *clock,
                        AfterFrame    *af)
{
  /* Not in the frame itself: once the main loop has let it go. */
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, after_frame_idle_cb,
                   after_frame_steal (af), after_frame_free);
  g_signal_handlers_disconnect_by_func (clock, after_frame_painted_cb, af);
}

static void
after_frame_watch_clock (AfterFrame *af)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (af->widget);

  g_assert (clock != NULL);
  g_signal_connect_data (clock, "after-paint", G_CALLBACK (after_frame_painted_cb),
                         af, after_frame_closure_free, 0);
  /* Something new must be painted for the frame to come. */
  gtk_widget_queue_draw (af->widget);
}

static void
after_frame_realized_cb (GtkWidget  *widget,
                         AfterFrame *af)
{
  after_frame_watch_clock (after_frame_steal (af));
  g_signal_handlers_disconnect_by_func (widget, after_frame_realized_cb, af);
}

/**
 * pw_widget_after_frame:
 * @widget: a widget on its way to the screen
 * @func: what to do with @widget
 * @user_data: for @func
 * @destroy: (nullable): frees @user_data, whether @func ran or not
 *
 * Calls @func when the main loop is next idle after the first frame that
 * @widget's window paints from now (from when @widget is realized, if it
 * is not yet): work the first frame with @widget need not wait for. If
 * @widget or its window goes first, @func is not called.
 */
void
pw_widget_after_frame (GtkWidget        *widget,
                       PwAfterFrameFunc  func,
                       gpointer          user_data,
                       GDestroyNotify    destroy)
{
  AfterFrame *af;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (func != NULL);

  af = after_frame_new (widget, func, user_data, destroy);
  if (gtk_widget_get_realized (widget))
    after_frame_watch_clock (af);
  else
    g_signal_connect_data (widget, "realize", G_CALLBACK (after_frame_realized_cb),
                           af, after_frame_closure_free, 0);
}
