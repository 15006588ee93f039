/* pw-report.c — the programme report for leadership, as PDF or CSV
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "pw-report"

#include <stdio.h>

#include <cairo-pdf.h>
#include <glib/gi18n.h>
#include <pango/pangocairo.h>

#include "pw-bundle.h"
#include "pw-report.h"

/* A4 in points, with margins for binding and a footer. */
#define PAGE_WIDTH   595.0
#define PAGE_HEIGHT  842.0
#define MARGIN       56.0
#define BOTTOM       (PAGE_HEIGHT - 64.0)
#define TEXT_WIDTH   (PAGE_WIDTH - 2 * MARGIN)
#define FONT         "Cantarell, Sans"

typedef struct
{
  cairo_t            *cr;
  const PwDashboard  *d;
  double              y;
  guint               page;
} Pen;

typedef struct
{
  double r, g, b;
} Colour;

static const Colour ink = { 0.12, 0.12, 0.12 };
static const Colour muted = { 0.40, 0.40, 0.40 };
static const Colour accent = { 0.11, 0.44, 0.85 };
static const Colour accent_light = { 0.60, 0.76, 0.95 };
static const Colour track = { 0.90, 0.90, 0.90 };

/* Static helpers */

static cairo_status_t
append_bytes_cb (void                *closure,
                 const unsigned char *data,
                 unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static void
set_colour (cairo_t      *cr,
            const Colour *c)
{
  cairo_set_source_rgb (cr, c->r, c->g, c->b);
}

static PangoLayout *
make_layout (Pen        *pen,
             const char *text,
             double      size,
             gboolean    bold,
             double      width)
{
  PangoLayout *layout = pango_cairo_create_layout (pen->cr);
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string (FONT);

  pango_font_description_set_size (font, (int)(size * PANGO_SCALE));
  pango_font_description_set_weight (font, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_width (layout, (int)(width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_text (layout, text, -1);
  return layout;
}

static void
draw_footer (Pen *pen)
{
  g_autofree char *text = g_strdup_printf (_("%s — page %u"), pen->d->programme_name, pen->page);
  g_autoptr(PangoLayout) layout = make_layout (pen, text, 8, FALSE, TEXT_WIDTH);

  pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
  set_colour (pen->cr, &muted);
  cairo_move_to (pen->cr, MARGIN, PAGE_HEIGHT - 40);
  pango_cairo_show_layout (pen->cr, layout);
}

static void
new_page (Pen *pen)
{
  draw_footer (pen);
  cairo_show_page (pen->cr);
  pen->page++;
  pen->y = MARGIN;
}

static void
need (Pen    *pen,
      double  height)
{
  if (pen->y + height > BOTTOM)
    new_page (pen);
}

static void
text_at (Pen          *pen,
         const char   *text,
         double        size,
         gboolean      bold,
         const Colour *colour,
         double        after)
{
  g_autoptr(PangoLayout) layout = make_layout (pen, text, size, bold, TEXT_WIDTH);
  int w, h;

  pango_layout_get_pixel_size (layout, &w, &h);
  need (pen, h);
  set_colour (pen->cr, colour);
  cairo_move_to (pen->cr, MARGIN, pen->y);
  pango_cairo_show_layout (pen->cr, layout);
  pen->y += h + after;
}

static void
heading (Pen        *pen,
         const char *text)
{
  need (pen, 60);
  text_at (pen, text, 15, TRUE, &ink, 8);
}

static void
paragraph (Pen        *pen,
           const char *text)
{
  text_at (pen, text, 10.5, FALSE, &ink, 8);
}

/* One labelled horizontal bar: label, bar against @max, and the value in words. */
static void
bar_row (Pen          *pen,
         const char   *label,
         double        value,
         double        max,
         const char   *value_text,
         const Colour *colour)
{
  const double label_w = 170, bar_x = MARGIN + label_w + 8, bar_w = 190, row_h = 20;
  g_autoptr(PangoLayout) l = make_layout (pen, label, 10, FALSE, label_w);
  g_autoptr(PangoLayout) v = make_layout (pen, value_text, 10, FALSE, TEXT_WIDTH - label_w - bar_w - 16);
  int w, h;

  need (pen, row_h);
  set_colour (pen->cr, &ink);
  cairo_move_to (pen->cr, MARGIN, pen->y + 2);
  pango_cairo_show_layout (pen->cr, l);

  set_colour (pen->cr, &track);
  cairo_rectangle (pen->cr, bar_x, pen->y + 4, bar_w, 11);
  cairo_fill (pen->cr);
  if (max > 0 && value > 0)
    {
      set_colour (pen->cr, colour);
      cairo_rectangle (pen->cr, bar_x, pen->y + 4, bar_w * MIN (value / max, 1.0), 11);
      cairo_fill (pen->cr);
    }

  set_colour (pen->cr, &muted);
  cairo_move_to (pen->cr, bar_x + bar_w + 8, pen->y + 2);
  pango_cairo_show_layout (pen->cr, v);
  pango_layout_get_pixel_size (l, &w, &h);
  pen->y += MAX (row_h, h + 6);
}

static void
count_bar (Pen        *pen,
           const char *label,
           guint       value,
           guint       max)
{
  g_autofree char *text = g_strdup_printf ("%u", value);

  bar_row (pen, label, value, max, text, &accent);
}

/* The 1–5 distribution of a score as five small columns. */
static void
score_block (Pen           *pen,
             const char    *label,
             const PwScore *s)
{
  g_autofree char *words = pw_score_describe (s);
  guint most = 0;

  need (pen, s->suppressed ? 40 : 96);
  text_at (pen, label, 11, TRUE, &ink, 2);
  text_at (pen, words, 10, FALSE, s->suppressed ? &muted : &ink, 4);
  if (s->suppressed)
    {
      pen->y += 6;
      return;
    }

  for (guint i = 0; i < 5; i++)
    most = MAX (most, s->distribution[i]);

  for (guint i = 0; i < 5; i++)
    {
      const double col_w = 28, max_h = 40, x = MARGIN + i * (col_w + 8);
      double h = most ? max_h * s->distribution[i] / most : 0;
      g_autofree char *n = g_strdup_printf ("%u", i + 1);
      g_autoptr(PangoLayout) l = make_layout (pen, n, 8, FALSE, col_w);

      set_colour (pen->cr, &track);
      cairo_rectangle (pen->cr, x, pen->y, col_w, max_h);
      cairo_fill (pen->cr);
      set_colour (pen->cr, &accent);
      cairo_rectangle (pen->cr, x, pen->y + max_h - h, col_w, h);
      cairo_fill (pen->cr);
      pango_layout_set_alignment (l, PANGO_ALIGN_CENTER);
      set_colour (pen->cr, &muted);
      cairo_move_to (pen->cr, x, pen->y + max_h + 2);
      pango_cairo_show_layout (pen->cr, l);
    }
  pen->y += 64;
}

/* Meetings planned and held, month by month, as paired columns. */
static void
trend_chart (Pen *pen)
{
  const PwDashboard *d = pen->d;
  const double chart_h = 150;
  guint most = 1;
  guint n = d->months->len;
  double slot;

  if (n == 0)
    return;

  for (guint i = 0; i < n; i++)
    most = MAX (most, ((PwMonthCount *)g_ptr_array_index (d->months, i))->planned);

  need (pen, chart_h + 50);
  slot = TEXT_WIDTH / n;

  set_colour (pen->cr, &track);
  cairo_set_line_width (pen->cr, 0.5);
  cairo_move_to (pen->cr, MARGIN, pen->y + chart_h + 0.25);
  cairo_line_to (pen->cr, MARGIN + TEXT_WIDTH, pen->y + chart_h + 0.25);
  cairo_stroke (pen->cr);

  for (guint i = 0; i < n; i++)
    {
      PwMonthCount *m = g_ptr_array_index (d->months, i);
      double x = MARGIN + i * slot;
      double w = MAX (2.0, slot * 0.35);
      double hp = chart_h * m->planned / most;
      double hh = chart_h * m->held / most;
      g_autoptr(GDateTime) first = NULL;
      g_autofree char *label = NULL;
      g_autoptr(PangoLayout) l = NULL;
      int y = 0, mo = 0;

      if (sscanf (m->month, "%4d-%2d", &y, &mo) == 2)
        first = g_date_time_new_utc (y, mo, 1, 0, 0, 0);
      label = first != NULL ? g_date_time_format (first, "%b") : g_strdup (m->month);
      l = make_layout (pen, label, 7, FALSE, slot);

      set_colour (pen->cr, &accent_light);
      cairo_rectangle (pen->cr, x + slot * 0.12, pen->y + chart_h - hp, w, hp);
      cairo_fill (pen->cr);
      set_colour (pen->cr, &accent);
      cairo_rectangle (pen->cr, x + slot * 0.12 + w, pen->y + chart_h - hh, w, hh);
      cairo_fill (pen->cr);
      pango_layout_set_alignment (l, PANGO_ALIGN_CENTER);
      set_colour (pen->cr, &muted);
      cairo_move_to (pen->cr, x, pen->y + chart_h + 3);
      pango_cairo_show_layout (pen->cr, l);
    }
  pen->y += chart_h + 18;

  /* The legend. */
  set_colour (pen->cr, &accent_light);
  cairo_rectangle (pen->cr, MARGIN, pen->y + 3, 10, 10);
  cairo_fill (pen->cr);
  set_colour (pen->cr, &accent);
  cairo_rectangle (pen->cr, MARGIN + 110, pen->y + 3, 10, 10);
  cairo_fill (pen->cr);
  {
    g_autoptr(PangoLayout) a = make_layout (pen, _("Planned"), 9, FALSE, 90);
    g_autoptr(PangoLayout) b = make_layout (pen, _("Held"), 9, FALSE, 90);

    set_colour (pen->cr, &ink);
    cairo_move_to (pen->cr, MARGIN + 14, pen->y + 1);
    pango_cairo_show_layout (pen->cr, a);
    cairo_move_to (pen->cr, MARGIN + 124, pen->y + 1);
    pango_cairo_show_layout (pen->cr, b);
  }
  pen->y += 26;
}

static void
hours_row (Pen        *pen,
           const char *label,
           double      hours,
           double      max)
{
  g_autofree char *text = g_strdup_printf (_("%.0f h"), hours);

  bar_row (pen, label, hours, max, text, &accent);
}

static void
page_summary (Pen        *pen,
              const char *today)
{
  const PwDashboard *d = pen->d;
  g_autofree char *title = g_strdup_printf (_("Program report: %s"), d->programme_name);
  g_autofree char *dates = g_strdup_printf (_("%s to %s · prepared on %s"), d->start_date, d->end_date, today);
  g_autofree char *roi = pw_dashboard_roi_summary (d);
  double org = pw_dashboard_organisation_hours (d);
  double most = MAX (MAX (d->mentor_hours, org), 1.0);
  guint people = MAX (d->enrolled, 1);
  guint pairs = MAX (d->matched, 1);

  text_at (pen, title, 22, TRUE, &ink, 4);
  text_at (pen, dates, 10, FALSE, &muted, 20);

  heading (pen, _("Return on investment"));
  paragraph (pen, roi);
  pen->y += 4;
  text_at (pen, _("Hours invested"), 11, TRUE, &ink, 4);
  hours_row (pen, _("Mentors, in meetings held"), d->mentor_hours, most);
  hours_row (pen, _("Organization, protected time"), d->protected_hours, most);
  hours_row (pen, _("Organization, kick-off and closing"), d->session_hours, most);
  pen->y += 6;
  text_at (pen, _("Outcomes reported"), 11, TRUE, &ink, 4);
  {
    g_autofree char *goals = g_strdup_printf (_("%u of %u"), d->goals_achieved, d->goals);
    g_autofree char *talks = g_strdup_printf (_("%u of %u"), d->significant, d->significant_target);
    g_autofree char *outcome = pw_score_describe (&d->criteria[PW_EVAL_CRITERION_OUTCOME]);
    const PwScore *s = &d->criteria[PW_EVAL_CRITERION_OUTCOME];

    bar_row (pen, _("Goals achieved"), d->goals_achieved, d->goals, goals, &accent);
    bar_row (pen, _("Significant discussions"), d->significant, d->significant_target, talks, &accent);
    bar_row (pen, _("Outcome score"), s->suppressed ? 0 : s->mean, 5, outcome, &accent);
  }
  pen->y += 10;

  heading (pen, _("Participation"));
  count_bar (pen, _("People enrolled"), d->enrolled, people);
  count_bar (pen, _("People eligible"), d->eligible, people);
  count_bar (pen, _("Pairs matched"), d->matched, pairs);
  count_bar (pen, _("Pairs active"), d->active, pairs);
  count_bar (pen, _("Pairs ended"), d->ended, pairs);
  {
    g_autofree char *rate = g_strdup_printf (_("%u of %u"), d->responses_received, d->responses_expected);

    bar_row (pen, _("Evaluations answered"), d->responses_received, d->responses_expected, rate, &accent);
  }
}

static void
page_meetings (Pen *pen)
{
  const PwDashboard *d = pen->d;
  g_autofree char *held = g_strdup_printf (_("%u of %u"), d->meetings_held, d->meetings_planned);
  g_autofree char *talks = g_strdup_printf (_("%u of %u"), d->significant, d->significant_target);
  g_autofree char *goals = g_strdup_printf (_("%u of %u"), d->goals_achieved, d->goals);
  g_autofree char *missed = g_strdup_printf ("%u", d->meetings_missed);

  heading (pen, _("Meetings"));
  bar_row (pen, _("Meetings held of planned"), d->meetings_held, d->meetings_planned, held, &accent);
  bar_row (pen, _("Meetings missed"), d->meetings_missed, d->meetings_planned, missed, &accent);
  bar_row (pen, _("Significant discussions of the target"), d->significant, d->significant_target, talks, &accent);
  bar_row (pen, _("Goals achieved"), d->goals_achieved, d->goals, goals, &accent);
  pen->y += 14;
  heading (pen, _("Meetings month by month"));
  trend_chart (pen);
}

static void
page_scores (Pen *pen)
{
  const PwDashboard *d = pen->d;
  g_autofree char *note = g_strdup_printf (_("Scores are on a scale of 1 (strongly disagree) to 5 (strongly agree). "
                                             "A figure from fewer than %d people is not shown, so no one can be "
                                             "recognized from their answers."),
                                           PW_EVALUATION_MIN_ANSWERS);

  heading (pen, _("Scores by criterion"));
  paragraph (pen, note);
  score_block (pen, _("Process: clear objectives, regular purposeful meetings"),
               &d->criteria[PW_EVAL_CRITERION_PROCESS]);
  score_block (pen, _("Content: feedback, raising issues and challenging"),
               &d->criteria[PW_EVAL_CRITERION_CONTENT]);
  score_block (pen, _("Outcome: progress, career development, networking"),
               &d->criteria[PW_EVAL_CRITERION_OUTCOME]);
  pen->y += 6;
  heading (pen, _("Feedback both ways"));
  score_block (pen, _("Mentors about their mentees"), &d->mentor_feedback);
  score_block (pen, _("Mentees about their mentors"), &d->mentee_feedback);
}

static void
page_comments (Pen *pen)
{
  const PwDashboard *d = pen->d;
  g_autofree char *last = NULL;

  heading (pen, _("In their own words"));
  if (d->comments->len == 0)
    paragraph (pen, _("No written answers yet."));
  else
    paragraph (pen, _("Written answers appear with a name only where the person agreed to be named."));

  for (guint i = 0; i < d->comments->len; i++)
    {
      PwComment *c = g_ptr_array_index (d->comments, i);
      g_autofree char *who = g_strdup_printf ("— %s", c->name ? c->name : _("anonymous"));
      g_autofree char *group = g_strdup_printf ("%s: %s", c->questionnaire, c->question);

      if (g_strcmp0 (last, group) != 0)
        {
          pen->y += 6;
          need (pen, 50);
          text_at (pen, group, 11, TRUE, &ink, 4);
          g_free (last);
          last = g_strdup (group);
        }
      text_at (pen, c->text, 10.5, FALSE, &ink, 1);
      text_at (pen, who, 9, FALSE, &muted, 8);
    }
}

static gboolean
write_bytes (const char  *path,
             GBytes      *bytes,
             GError     **error)
{
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);

  return pw_write_private_file (path, data, (gssize)size, error);
}

static void
export_thread (GTask        *task,
               gpointer      source,
               gpointer      task_data,
               GCancellable *cancellable)
{
  PwDashboard *d = task_data;
  const char *path = g_object_get_data (G_OBJECT (task), "path");
  PwReportFormat format = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (task), "format"));
  g_autoptr(GError) error = NULL;

  if (g_task_return_error_if_cancelled (task))
    return;
  if (!pw_report_write (d, format, path, NULL, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

/* Public API */

GBytes *
pw_report_render_pdf (const PwDashboard  *dashboard,
                      const char         *today,
                      guint              *n_pages,
                      GError            **error)
{
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  g_autofree char *date = NULL;
  cairo_surface_t *surface;
  cairo_status_t status;
  Pen pen = { 0 };

  g_return_val_if_fail (dashboard != NULL, NULL);

  if (today == NULL)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();
      date = g_date_time_format (now, "%Y-%m-%d");
      today = date;
    }

  surface = cairo_pdf_surface_create_for_stream (append_bytes_cb, bytes, PAGE_WIDTH, PAGE_HEIGHT);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, dashboard->programme_name);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Pairwise");
  pen.cr = cairo_create (surface);
  pen.d = dashboard;
  pen.page = 1;
  pen.y = MARGIN;

  page_summary (&pen, today);
  new_page (&pen);
  page_meetings (&pen);
  new_page (&pen);
  page_scores (&pen);
  new_page (&pen);
  page_comments (&pen);
  draw_footer (&pen);
  cairo_show_page (pen.cr);

  status = cairo_status (pen.cr);
  cairo_destroy (pen.cr);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("The report could not be drawn: %s"), cairo_status_to_string (status));
      return NULL;
    }

  if (n_pages != NULL)
    *n_pages = pen.page;
  return g_byte_array_free_to_bytes (g_steal_pointer (&bytes));
}

gboolean
pw_report_write (const PwDashboard  *dashboard,
                 PwReportFormat      format,
                 const char         *path,
                 guint              *n_pages,
                 GError            **error)
{
  g_return_val_if_fail (dashboard != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (format == PW_REPORT_CSV)
    {
      g_autofree char *csv = pw_dashboard_to_csv (dashboard);

      if (n_pages != NULL)
        *n_pages = 0;
      return pw_write_private_file (path, csv, -1, error);
    }
  else
    {
      g_autoptr(GBytes) pdf = pw_report_render_pdf (dashboard, NULL, n_pages, error);

      return pdf != NULL && write_bytes (path, pdf, error);
    }
}

gboolean
pw_report_export (PwStore         *store,
                  gint64           programme_id,
                  PwReportFormat   format,
                  const char      *path,
                  guint           *n_pages,
                  GError         **error)
{
  g_autoptr(PwDashboard) d = pw_dashboard_compute (store, programme_id, error);

  return d != NULL && pw_report_write (d, format, path, n_pages, error);
}

void
pw_report_export_async (PwStore             *store,
                        gint64               programme_id,
                        PwReportFormat       format,
                        const char          *path,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  g_autoptr(GError) error = NULL;
  PwDashboard *d;

  g_return_if_fail (PW_IS_STORE (store));
  g_return_if_fail (path != NULL);

  g_task_set_source_tag (task, pw_report_export_async);

  /* The figures come from the store here, on its own thread. */
  d = pw_dashboard_compute (store, programme_id, &error);
  if (d == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_object_set_data_full (G_OBJECT (task), "path", g_strdup (path), g_free);
  g_object_set_data (G_OBJECT (task), "format", GINT_TO_POINTER (format));
  g_task_set_task_data (task, d, (GDestroyNotify)pw_dashboard_free);
  g_task_run_in_thread (task, export_thread);
}

gboolean
pw_report_export_finish (GAsyncResult  *result,
                         GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == pw_report_export_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
