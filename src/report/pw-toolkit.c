/* pw-toolkit.c — the programme toolkit: the workshop's output as a PDF
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Two steps: collect turns the programme, its rules and settings into a
 * document of sections and blocks (Pango markup), on the thread that owns
 * the store; render lays that document out on A4 pages with Cairo and
 * Pango, needing nothing else, so it may run in a worker.
 */
#include "config.h"

#define G_LOG_DOMAIN "pw-toolkit"

#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cairo-pdf.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <pango/pangocairo.h>

#include "pw-eligibility.h"
#include "pw-match.h"
#include "pw-programme-repo.h"
#include "pw-schedule.h"
#include "pw-toolkit.h"

typedef enum
{
  BLOCK_HEADING,
  BLOCK_PARAGRAPH,
  BLOCK_BULLET,
  BLOCK_LABEL,     /* a field's name, small, above its value */
  BLOCK_BLANK,     /* a line to write on, in the agreement template */
} BlockKind;

typedef struct
{
  BlockKind  kind;
  char      *markup;
} Block;

typedef struct
{
  char      *title;
  GPtrArray *blocks;
} Section;

struct _PwToolkit
{
  char      *programme_name;
  char      *subtitle;
  char      *generated;
  GPtrArray *sections;   /* Section *; the first PW_TOOLKIT_N_SECTIONS are fixed */
};

G_DEFINE_QUARK (pw-toolkit-error-quark, pw_toolkit_error)

/* Page geometry, in points: A4. */
#define PAGE_WIDTH   595.276
#define PAGE_HEIGHT  841.890
#define MARGIN       64.0
#define BULLET_INDENT 16.0

/* Document building */

static void
block_free (gpointer data)
{
  Block *block = data;

  g_free (block->markup);
  g_free (block);
}

static void
section_free (gpointer data)
{
  Section *section = data;

  g_free (section->title);
  g_ptr_array_unref (section->blocks);
  g_free (section);
}

static Section *
add_section (PwToolkit  *self,
             const char *title)
{
  Section *section = g_new0 (Section, 1);

  section->title = g_strdup (title);
  section->blocks = g_ptr_array_new_with_free_func (block_free);
  g_ptr_array_add (self->sections, section);

  return section;
}

static void
add_block (Section    *section,
           BlockKind   kind,
           const char *markup)
{
  Block *block = g_new0 (Block, 1);

  block->kind = kind;
  block->markup = g_strdup (markup);
  g_ptr_array_add (section->blocks, block);
}

static void G_GNUC_PRINTF (3, 4)
add_text (Section    *section,
          BlockKind   kind,
          const char *format,
          ...)
{
  g_autofree char *markup = NULL;
  va_list args;

  va_start (args, format);
  markup = g_markup_vprintf_escaped (format, args);
  va_end (args);

  add_block (section, kind, markup);
}

/* A field and its value; an empty value says what is still to decide. */
static void
add_field (Section    *section,
           const char *label,
           const char *value)
{
  add_text (section, BLOCK_LABEL, "%s", label);
  if (value == NULL || value[0] == '\0')
    add_text (section, BLOCK_PARAGRAPH, "<i>%s</i>", _("Not decided yet."));
  else
    add_text (section, BLOCK_PARAGRAPH, "%s", value);
}

static char *
format_date (const char *iso_date)
{
  g_autoptr(GDate) date = NULL;
  char buffer[64];

  date = iso_date ? pw_date_parse (iso_date) : NULL;
  if (date == NULL)
    return g_strdup (iso_date ? iso_date : "");
  if (g_date_strftime (buffer, sizeof buffer, "%-d %B %Y", date) == 0)
    return g_strdup (iso_date);

  return g_strdup (buffer);
}

static const char *
kind_label (PwProgrammeKind kind)
{
  switch (kind)
    {
    case PW_PROGRAMME_KIND_REVERSE: return _("Reverse mentoring: junior colleagues mentor senior ones");
    case PW_PROGRAMME_KIND_TRADITIONAL: return _("Traditional mentoring: senior colleagues mentor junior ones");
    case PW_PROGRAMME_KIND_PEER: return _("Peer mentoring: colleagues at the same level");
    default: return "";
    }
}

static char *
flags_text (guint                flags,
            const char * const  *labels,
            guint                n)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new ();

  for (guint i = 0; i < n; i++)
    if (flags & (1u << i))
      g_ptr_array_add (parts, (gpointer) _(labels[i]));
  g_ptr_array_add (parts, NULL);

  return g_strjoinv (", ", (char **) parts->pdata);
}

static const char * const purpose_labels[] = {
  N_("Bridging the generations"), N_("Digital skills"), N_("Diversity and inclusion awareness"),
  N_("Innovation"), N_("Retention"), N_("Culture"),
};

static const char * const scope_labels[] = {
  N_("The current role"), N_("Career development"), N_("A future goal"),
};

static const char * const contact_labels[] = {
  N_("in person"), N_("video"), N_("phone"), N_("email"),
};

static void
collect_design (PwToolkit   *self,
                PwProgramme *programme)
{
  Section *s = add_section (self, _("Program Design"));
  const char * const *goals = pw_programme_get_goals (programme);
  g_autofree char *purposes = flags_text (pw_programme_get_purposes (programme), purpose_labels, G_N_ELEMENTS (purpose_labels));
  g_autofree char *scope = flags_text (pw_programme_get_scope (programme), scope_labels, G_N_ELEMENTS (scope_labels));
  g_autofree char *start = format_date (pw_programme_get_start_date (programme));
  g_autofree char *end = format_date (pw_programme_get_end_date (programme));
  g_autofree char *timeframe = NULL;
  g_autofree char *demand = NULL;

  add_field (s, _("Name"), pw_programme_get_name (programme));
  add_field (s, _("Kind"), kind_label (pw_programme_get_kind (programme)));

  add_text (s, BLOCK_HEADING, "%s", _("What the program is to achieve"));
  add_field (s, _("Purposes"), purposes);
  if (pw_programme_get_purpose_other (programme)[0] != '\0')
    add_field (s, _("In our own words"), pw_programme_get_purpose_other (programme));
  add_text (s, BLOCK_LABEL, "%s", _("Goals — how the organization benefits"));
  if (goals == NULL || goals[0] == NULL)
    add_text (s, BLOCK_PARAGRAPH, "<i>%s</i>", _("Not decided yet."));
  for (guint i = 0; goals != NULL && goals[i] != NULL; i++)
    add_text (s, BLOCK_BULLET, "%s", goals[i]);

  add_text (s, BLOCK_HEADING, "%s", _("Who takes part"));
  add_field (s, _("Target audience — who the mentees are and how they benefit"),
             pw_programme_get_target_audience (programme));
  add_field (s, _("Scope"), scope);
  if (pw_programme_get_expected_demand (programme) > 0)
    demand = g_strdup_printf (g_dngettext (NULL, "%d mentee", "%d mentees",
                                           pw_programme_get_expected_demand (programme)),
                              pw_programme_get_expected_demand (programme));
  add_field (s, _("Expected demand"), demand);

  add_text (s, BLOCK_HEADING, "%s", _("Timeframe"));
  /* Translators: a date range, "1 September 2026 to 1 September 2027" */
  timeframe = g_strdup_printf (_("%s to %s"), start, end);
  add_field (s, _("Dates"), timeframe);
}

static const char *
seniority_text (PwPairSeniority seniority)
{
  switch (seniority)
    {
    case PW_PAIR_SENIORITY_SENIOR: return _("The mentor is senior in grade to the mentee.");
    case PW_PAIR_SENIORITY_EXPERIENCED: return _("Mentor and mentee are at the same level; the mentor has more experience in the role.");
    case PW_PAIR_SENIORITY_JUNIOR: return _("Reverse mentoring: the mentor is junior in grade to the mentee.");
    case PW_PAIR_SENIORITY_ANY:
    default: return _("Any grades: seniority is not a rule.");
    }
}

static const char *
discipline_text (PwPairDiscipline discipline)
{
  switch (discipline)
    {
    case PW_PAIR_DISCIPLINE_SAME: return _("Mentor and mentee work in the same discipline.");
    case PW_PAIR_DISCIPLINE_DIFFERENT: return _("Mentor and mentee work in different disciplines.");
    case PW_PAIR_DISCIPLINE_EITHER:
    default: return _("Same or different discipline, as matching finds best.");
    }
}

static void
collect_rule_set (Section       *s,
                  GPtrArray     *rules,
                  PwRuleSet      set)
{
  gboolean any = FALSE;

  for (guint i = 0; i < rules->len; i++)
    {
      const PwRule *rule = g_ptr_array_index (rules, i);
      g_autofree char *text = NULL;

      if (rule->set != set)
        continue;

      text = pw_rule_describe (rule);
      if (rule->group > 0)
        /* Translators: %u is a group number, %s a rule in plain words */
        add_text (s, BLOCK_BULLET, _("%s (any of group %u)"), text, rule->group);
      else
        add_text (s, BLOCK_BULLET, "%s", text);
      any = TRUE;
    }

  if (!any)
    add_text (s, BLOCK_PARAGRAPH, "<i>%s</i>", _("No rules: everyone enrolled may take part."));
}

static gboolean
collect_rules (PwToolkit    *self,
               PwStore      *store,
               PwProgramme  *programme,
               GError      **error)
{
  Section *s = add_section (self, _("Eligibility and Matching Rules"));
  gint64 id = pw_programme_get_id (programme);
  PwEligibility *eligibility;
  PwMatchSettings settings;
  GPtrArray *rules;

  eligibility = pw_eligibility_load (store, id, error);
  if (eligibility == NULL)
    return FALSE;
  rules = pw_eligibility_get_rules (eligibility);

  add_text (s, BLOCK_HEADING, "%s", _("Who may be a mentee"));
  collect_rule_set (s, rules, PW_RULE_SET_MENTEE);
  add_text (s, BLOCK_HEADING, "%s", _("Who may be a mentor"));
  collect_rule_set (s, rules, PW_RULE_SET_MENTOR);
  pw_eligibility_free (eligibility);

  add_text (s, BLOCK_HEADING, "%s", _("Pairs"));
  add_text (s, BLOCK_BULLET, "%s", seniority_text (pw_programme_get_pair_seniority (programme)));
  add_text (s, BLOCK_BULLET, "%s", discipline_text (pw_programme_get_pair_discipline (programme)));
  add_text (s, BLOCK_BULLET, "%s",
            _("Nobody is paired with someone in their reporting line, or with anyone who influences their career (appraisers, promotion panels)."));
  add_text (s, BLOCK_BULLET, "%s",
            _("A pair that has ended is never proposed again; the person left waiting is matched first."));
  add_text (s, BLOCK_BULLET, "%s",
            pw_programme_get_sensitive_enabled (programme)
              ? _("Sensitive characteristics are collected, optionally, for positive action or a matching criterion, and never exported unless asked.")
              : _("Sensitive characteristics are not used."));

  if (!pw_match_settings_load (store, id, &settings, error))
    return FALSE;

  add_text (s, BLOCK_HEADING, "%s", _("Matching criteria and their weights (0–10)"));
  for (guint c = 0; c < PW_N_CRITERIA; c++)
    add_text (s, BLOCK_BULLET, "<b>%d</b>  %s", settings.weights[c], pw_criterion_label (c));
  add_text (s, BLOCK_PARAGRAPH, "%s",
            _("Matching maximizes the total score of all pairs under the rules above, and explains each pair and each person left unmatched."));

  return TRUE;
}

static void
collect_conduct (PwToolkit   *self,
                 PwProgramme *programme)
{
  Section *s = add_section (self, _("Code of Conduct"));
  g_autofree char *hours = NULL;

  add_field (s, _("Code of conduct"), pw_programme_get_code_of_conduct (programme));
  add_field (s, _("Confidentiality and disclosure"), pw_programme_get_confidentiality (programme));
  add_field (s, _("Reporting concerns"), pw_programme_get_concerns (programme));

  add_text (s, BLOCK_HEADING, "%s", _("What mentors get from the organization"));
  if (pw_programme_get_protected_hours (programme) > 0)
    hours = g_strdup_printf (g_dngettext (NULL, "%d hour a month", "%d hours a month",
                                          pw_programme_get_protected_hours (programme)),
                             pw_programme_get_protected_hours (programme));
  add_field (s, _("Protected time"), hours);
  add_field (s, _("Recognition"), pw_programme_get_recognition (programme));
  add_field (s, _("Peer support"), pw_programme_get_peer_support (programme));
}

static void
collect_agreement (PwToolkit   *self,
                   PwProgramme *programme)
{
  Section *s = add_section (self, _("Mentor Me Agreement"));
  g_autofree char *contact = flags_text (pw_programme_get_contact_forms (programme), contact_labels, G_N_ELEMENTS (contact_labels));
  g_autofree char *end = format_date (pw_programme_get_end_date (programme));
  int per_month = pw_programme_get_meetings_per_month (programme);

  add_text (s, BLOCK_PARAGRAPH, "%s",
            _("Agreed by mentor and mentee in their first meeting, and kept by both. Either may ask to change it."));

  add_text (s, BLOCK_LABEL, "%s", _("Mentee"));
  add_block (s, BLOCK_BLANK, "");
  add_text (s, BLOCK_LABEL, "%s", _("Mentor"));
  add_block (s, BLOCK_BLANK, "");

  add_text (s, BLOCK_LABEL, "%s", _("What the mentee hopes to gain"));
  add_block (s, BLOCK_BLANK, "");
  add_block (s, BLOCK_BLANK, "");
  add_text (s, BLOCK_LABEL, "%s", _("What the mentor offers"));
  add_block (s, BLOCK_BLANK, "");
  add_block (s, BLOCK_BLANK, "");
  add_text (s, BLOCK_LABEL, "%s", _("Expectations we agree are unrealistic"));
  add_block (s, BLOCK_BLANK, "");

  add_text (s, BLOCK_HEADING, "%s", _("How we meet"));
  add_text (s, BLOCK_BULLET,
            g_dngettext (NULL, "We meet %d time a month, for about %d minutes.",
                         "We meet %d times a month, for about %d minutes.", per_month),
            per_month, pw_programme_get_meeting_minutes (programme));
  add_text (s, BLOCK_BULLET, _("We keep in touch by %s."), contact[0] ? contact : _("any means we agree"));
  add_text (s, BLOCK_BULLET, _("The agreement ends on %s, with a closing meeting and an evaluation."), end);

  add_text (s, BLOCK_HEADING, "%s", _("Confidentiality"));
  add_text (s, BLOCK_PARAGRAPH, "%s", pw_programme_get_confidentiality (programme)[0]
                                        ? pw_programme_get_confidentiality (programme)
                                        : _("What we discuss stays between us, except where the program’s disclosure policy says otherwise."));
  add_text (s, BLOCK_BULLET, "%s", _("☐ We have read the program’s confidentiality and disclosure policy and agree to it."));

  add_text (s, BLOCK_HEADING, "%s", _("Ending or changing the match"));
  add_text (s, BLOCK_PARAGRAPH, "%s",
            _("Either of us may ask the coordinator for a new match at any time, without giving a reason to the other and without blame."));

  add_text (s, BLOCK_LABEL, "%s", _("Signed (mentee) and date"));
  add_block (s, BLOCK_BLANK, "");
  add_text (s, BLOCK_LABEL, "%s", _("Signed (mentor) and date"));
  add_block (s, BLOCK_BLANK, "");
}

static char *
month_title (GDate *date)
{
  char buffer[64];

  if (g_date_strftime (buffer, sizeof buffer, "%B %Y", date) == 0)
    return g_strdup ("");

  return g_strdup (buffer);
}

static void
collect_schedule (PwToolkit   *self,
                  PwStore     *store,
                  PwProgramme *programme)
{
  Section *s = add_section (self, _("Schedule Plan"));
  g_auto(PwScheduleSettings) settings = { 0 };
  g_autoptr(GDate) start = pw_date_parse (pw_programme_get_start_date (programme));
  g_autoptr(GDate) end = pw_date_parse (pw_programme_get_end_date (programme));
  g_autofree char *contact = flags_text (pw_programme_get_contact_forms (programme), contact_labels, G_N_ELEMENTS (contact_labels));
  int per_month = pw_programme_get_meetings_per_month (programme);
  int months = 12;

  add_text (s, BLOCK_HEADING, "%s", _("Cadence"));
  add_text (s, BLOCK_BULLET,
            g_dngettext (NULL, "%d meeting a month of %d minutes.", "%d meetings a month of %d minutes.", per_month),
            per_month, pw_programme_get_meeting_minutes (programme));
  add_text (s, BLOCK_BULLET,
            _("At least %d significant discussions of %d minutes or more in the program."),
            pw_programme_get_min_discussions (programme), pw_programme_get_discussion_minutes (programme));
  add_text (s, BLOCK_BULLET,
            g_dngettext (NULL, "The mentor contacts the mentee within %d day of the match.",
                         "The mentor contacts the mentee within %d days of the match.",
                         pw_programme_get_first_contact_days (programme)),
            pw_programme_get_first_contact_days (programme));
  add_text (s, BLOCK_BULLET, _("Contact: %s."), contact[0] ? contact : _("as each pair agrees"));

  if (pw_schedule_settings_load (store, pw_programme_get_id (programme), &settings, NULL))
    {
      if (settings.kickoff_minutes > 0)
        add_text (s, BLOCK_BULLET, _("A kick-off workshop of %d minutes opens the program; a closing session of %d minutes ends it."),
                  settings.kickoff_minutes, settings.closing_minutes);
      if (settings.meeting_time != NULL && settings.meeting_time[0] != '\0')
        add_text (s, BLOCK_BULLET, _("Planned meetings start at %s unless the pair agrees otherwise."), settings.meeting_time);
    }

  if (start == NULL || end == NULL)
    return;

  months = (g_date_get_year (end) - g_date_get_year (start)) * 12
           + (int) g_date_get_month (end) - (int) g_date_get_month (start);
  months = CLAMP (months, 1, 36);

  add_text (s, BLOCK_HEADING, "%s", _("Month by month"));
  for (int m = 0; m < months; m++)
    {
      g_autoptr(GDate) date = g_date_copy (start);
      g_autofree char *title = NULL;
      g_autoptr(GString) what = g_string_new (NULL);

      g_date_add_months (date, m);
      title = month_title (date);

      if (m == 0)
        g_string_append_printf (what,
                                _("Kick-off workshop. First contact within %d days of the match; the first meeting sets expectations, agrees the Mentor Me agreement and starts the action learning cycle."),
                                pw_programme_get_first_contact_days (programme));
      else if (m == months / 2)
        g_string_append (what, _("Midpoint review: each pair looks back at its goals; the coordinator checks who has not met."));
      else if (m == months - 1)
        g_string_append (what, _("Closing meeting and reflection; final evaluations from mentor and mentee; the program report."));
      else
        g_string_append_printf (what, g_dngettext (NULL, "%d meeting; diary kept after each.", "%d meetings; diary kept after each.", per_month),
                                per_month);

      /* Translators: "Month 3 — November 2026: what happens" */
      add_text (s, BLOCK_BULLET, _("<b>Month %d — %s:</b> %s"), m + 1, title, what->str);
    }
}

static void
collect_evaluation (PwToolkit   *self,
                    PwProgramme *programme,
                    PwWorkshop  *workshop)
{
  Section *s = add_section (self, _("Evaluation Plan"));
  const char * const *goals = pw_programme_get_goals (programme);

  add_text (s, BLOCK_HEADING, "%s", _("Process criteria"));
  add_text (s, BLOCK_BULLET, "%s", _("The pair set clear objectives in the Mentor Me agreement."));
  add_text (s, BLOCK_BULLET, "%s", _("Meetings were regular and purposeful: meetings held against planned, and significant discussions against the target."));
  add_text (s, BLOCK_HEADING, "%s", _("Content criteria"));
  add_text (s, BLOCK_BULLET, "%s", _("The mentee received useful feedback."));
  add_text (s, BLOCK_BULLET, "%s", _("The mentee could raise issues and challenge — and, in reverse mentoring, so could the mentor."));
  add_text (s, BLOCK_HEADING, "%s", _("Outcome criteria"));
  add_text (s, BLOCK_BULLET, "%s", _("Progress against the goals in the action plan."));
  add_text (s, BLOCK_BULLET, "%s", _("Career development: new responsibilities, skills used, steps taken."));
  add_text (s, BLOCK_BULLET, "%s", _("A wider network inside and outside the organization."));

  add_text (s, BLOCK_HEADING, "%s", _("Who answers, and when"));
  add_text (s, BLOCK_BULLET, "%s", _("At the midpoint, each pair reviews its goals together."));
  add_text (s, BLOCK_BULLET, "%s", _("At the end, mentor and mentee each evaluate the other and the program; feedback goes both ways."));
  add_text (s, BLOCK_BULLET, "%s", _("Figures drawn from only a handful of answers are not reported, so that nobody can be identified."));

  add_text (s, BLOCK_HEADING, "%s", _("The program’s goals as measures"));
  if (goals == NULL || goals[0] == NULL)
    add_text (s, BLOCK_PARAGRAPH, "<i>%s</i>", _("No goals set yet: add them in the program’s setup."));
  for (guint i = 0; goals != NULL && goals[i] != NULL; i++)
    add_text (s, BLOCK_BULLET, "%s", goals[i]);
  add_text (s, BLOCK_PARAGRAPH, "%s",
            _("The program report sets these outcomes beside the time invested, to show the return on the investment."));

  if (workshop != NULL && pw_workshop_get_respondents (workshop) >= PW_WORKSHOP_MIN_ANSWERS)
    {
      add_text (s, BLOCK_HEADING, "%s", _("Mentor development: the workshop’s self-assessment"));
      add_text (s, BLOCK_PARAGRAPH,
                g_dngettext (NULL, "Anonymous, from %u would-be mentor; mean rating from 1 to 5.",
                             "Anonymous, from %u would-be mentors; mean rating from 1 to 5.",
                             pw_workshop_get_respondents (workshop)),
                pw_workshop_get_respondents (workshop));
      for (guint c = 0; c < PW_N_COMPETENCIES; c++)
        {
          PwCompetencySummary summary;

          pw_workshop_get_aggregate (workshop, c, &summary);
          if (summary.suppressed)
            add_text (s, BLOCK_BULLET, _("%s: too few answers to show"), pw_competency_label (c));
          else
            add_text (s, BLOCK_BULLET, _("%s: <b>%.1f</b>"), pw_competency_label (c), summary.mean);
        }
    }
}

static void
collect_notes (PwToolkit  *self,
               PwWorkshop *workshop)
{
  Section *s = NULL;

  for (guint i = 0; i < pw_workshop_agenda_get_n_items (); i++)
    {
      const PwWorkshopItem *item = pw_workshop_agenda_get_item (i);
      const char *note = pw_workshop_get_note (workshop, item->id);

      if (note[0] == '\0')
        continue;

      if (s == NULL)
        s = add_section (self, _("Appendix: The Workshop’s Notes"));
      add_text (s, BLOCK_LABEL, "%s", pw_workshop_item_get_title (item));
      add_text (s, BLOCK_PARAGRAPH, "%s", note);
    }
}

/* Rendering */

typedef struct
{
  PwToolkit            *toolkit;
  cairo_t              *cr;
  PangoLayout          *layout;
  PangoLayout          *footer;  /* its own: a page may break mid-paragraph */
  double                y;
  int                   page;
} Renderer;

static void
set_layout_font (PangoLayout *layout,
                 const char  *description)
{
  PangoFontDescription *font = pango_font_description_from_string (description);

  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
}

static void
set_font (Renderer   *r,
          const char *description)
{
  set_layout_font (r->layout, description);
}

static void
draw_footer (Renderer *r)
{
  g_autofree char *text = NULL;
  int width;

  /* Translators: page footer, "Thinking Partners — Program Toolkit — 3" */
  text = g_strdup_printf (_("%s — Program Toolkit — %d"), r->toolkit->programme_name, r->page);
  set_layout_font (r->footer, "Cantarell, Sans 8");
  pango_layout_set_text (r->footer, text, -1);
  pango_layout_get_pixel_size (r->footer, &width, NULL);
  cairo_set_source_rgb (r->cr, 0.45, 0.45, 0.5);
  cairo_move_to (r->cr, PAGE_WIDTH - MARGIN - width, PAGE_HEIGHT - MARGIN / 2 - 8);
  pango_cairo_show_layout (r->cr, r->footer);
}

static void
new_page (Renderer *r)
{
  if (r->page > 0)
    {
      draw_footer (r);
      cairo_show_page (r->cr);
    }
  r->page++;
  r->y = MARGIN;
}

/* Lays out @markup at @x (from the left margin) line by line, breaking
 * pages between lines; @bullet, if any, goes beside the first line. */
static void
emit (Renderer   *r,
      const char *font,
      const char *markup,
      double      x,
      double      r_, double g_, double b_,
      const char *bullet)
{
  PangoLayoutIter *iter;
  double bottom = PAGE_HEIGHT - MARGIN;
  double start = r->y;
  double offset = 0;
  gboolean first = TRUE;

  set_font (r, font);
  pango_layout_set_width (r->layout, (int) ((PAGE_WIDTH - 2 * MARGIN - x) * PANGO_SCALE));
  pango_layout_set_wrap (r->layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_markup (r->layout, markup, -1);

  iter = pango_layout_get_iter (r->layout);
  do
    {
      PangoLayoutLine *line = pango_layout_iter_get_line_readonly (iter);
      PangoRectangle logical;
      double top, line_bottom, baseline;

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      top = (double) logical.y / PANGO_SCALE;
      line_bottom = top + (double) logical.height / PANGO_SCALE;
      baseline = (double) pango_layout_iter_get_baseline (iter) / PANGO_SCALE;

      if (start + line_bottom - offset > bottom)
        {
          new_page (r);
          start = r->y;
          offset = top;
        }

      cairo_set_source_rgb (r->cr, r_, g_, b_);
      if (first && bullet != NULL)
        {
          PangoLayout *mark = pango_cairo_create_layout (r->cr);

          set_layout_font (mark, font);
          pango_layout_set_text (mark, bullet, -1);
          cairo_move_to (r->cr, MARGIN + x - BULLET_INDENT,
                         start + baseline - offset - (double) pango_layout_get_baseline (mark) / PANGO_SCALE);
          pango_cairo_show_layout (r->cr, mark);
          g_object_unref (mark);
        }
      first = FALSE;

      cairo_move_to (r->cr, MARGIN + x + (double) logical.x / PANGO_SCALE, start + baseline - offset);
      pango_cairo_show_layout_line (r->cr, line);
      r->y = start + line_bottom - offset;
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
}

static void
space (Renderer *r,
       double    points,
       double    keep)
{
  /* A heading or label never sits alone at the foot of a page. */
  if (r->y + points + keep > PAGE_HEIGHT - MARGIN)
    new_page (r);
  else
    r->y += points;
}

static void
render_block (Renderer    *r,
              const Block *block)
{
  switch (block->kind)
    {
    case BLOCK_HEADING:
      space (r, 16, 60);
      emit (r, "Cantarell, Sans Bold 13", block->markup, 0, 0.11, 0.27, 0.53, NULL);
      r->y += 4;
      break;

    case BLOCK_LABEL:
      space (r, 8, 40);
      emit (r, "Cantarell, Sans Bold 9", block->markup, 0, 0.40, 0.40, 0.45, NULL);
      r->y += 2;
      break;

    case BLOCK_PARAGRAPH:
      emit (r, "Cantarell, Sans 10.5", block->markup, 0, 0.14, 0.12, 0.19, NULL);
      r->y += 4;
      break;

    case BLOCK_BULLET:
      emit (r, "Cantarell, Sans 10.5", block->markup, BULLET_INDENT, 0.14, 0.12, 0.19, "•");
      r->y += 3;
      break;

    case BLOCK_BLANK:
      space (r, 22, 0);
      cairo_set_source_rgb (r->cr, 0.6, 0.6, 0.65);
      cairo_set_line_width (r->cr, 0.6);
      cairo_move_to (r->cr, MARGIN, r->y);
      cairo_line_to (r->cr, PAGE_WIDTH - MARGIN, r->y);
      cairo_stroke (r->cr);
      r->y += 4;
      break;

    default:
      g_assert_not_reached ();
    }
}

static void
render_cover (Renderer *r)
{
  g_autofree char *name = g_markup_escape_text (r->toolkit->programme_name, -1);
  g_autofree char *subtitle = g_markup_escape_text (r->toolkit->subtitle, -1);
  g_autofree char *generated = NULL;

  new_page (r);
  r->y = PAGE_HEIGHT / 4;
  emit (r, "Cantarell, Sans Bold 12", _("PROGRAM TOOLKIT"), 0, 0.11, 0.44, 0.85, NULL);
  r->y += 8;
  emit (r, "Cantarell, Sans Bold 30", name, 0, 0.14, 0.12, 0.19, NULL);
  r->y += 8;
  emit (r, "Cantarell, Sans 13", subtitle, 0, 0.35, 0.35, 0.4, NULL);

  r->y += 40;
  emit (r, "Cantarell, Sans Bold 11", _("Contents"), 0, 0.14, 0.12, 0.19, NULL);
  r->y += 6;
  for (guint i = 0; i < r->toolkit->sections->len; i++)
    {
      Section *section = g_ptr_array_index (r->toolkit->sections, i);
      g_autofree char *line = g_markup_printf_escaped ("%u   %s", i + 1, section->title);

      emit (r, "Cantarell, Sans 11", line, 0, 0.14, 0.12, 0.19, NULL);
      r->y += 4;
    }

  r->y = PAGE_HEIGHT - MARGIN - 60;
  generated = g_markup_printf_escaped (_("Designed in the program-design workshop. Exported on %s."), r->toolkit->generated);
  emit (r, "Cantarell, Sans 9", generated, 0, 0.45, 0.45, 0.5, NULL);
}

static void
render (PwToolkit *self,
        cairo_t   *cr)
{
  Renderer r = { self, cr, pango_cairo_create_layout (cr), pango_cairo_create_layout (cr), 0, 0 };

  render_cover (&r);

  for (guint i = 0; i < self->sections->len; i++)
    {
      Section *section = g_ptr_array_index (self->sections, i);
      g_autofree char *title = g_markup_printf_escaped ("%u  %s", i + 1, section->title);

      new_page (&r);
      emit (&r, "Cantarell, Sans Bold 22", title, 0, 0.14, 0.12, 0.19, NULL);
      r.y += 6;
      cairo_set_source_rgb (cr, 0.11, 0.44, 0.85);
      cairo_rectangle (cr, MARGIN, r.y, 48, 3);
      cairo_fill (cr);
      r.y += 14;

      for (guint b = 0; b < section->blocks->len; b++)
        render_block (&r, g_ptr_array_index (section->blocks, b));
    }

  draw_footer (&r);
  cairo_show_page (cr);
  g_object_unref (r.layout);
  g_object_unref (r.footer);
}

typedef struct
{
  int     fd;
  int     saved_errno;
} Sink;

static cairo_status_t
write_cb (void                *closure,
          const unsigned char *data,
          unsigned int         length)
{
  Sink *sink = closure;

  while (length > 0)
    {
      ssize_t n = write (sink->fd, data, length);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        {
          sink->saved_errno = n < 0 ? errno : EIO;
          return CAIRO_STATUS_WRITE_ERROR;
        }
      data += n;
      length -= (unsigned int) n;
    }

  return CAIRO_STATUS_SUCCESS;
}

/* Public API */

/**
 * pw_toolkit_collect:
 * @workshop: (nullable): the programme's workshop, for its notes and the
 *   self-assessment
 *
 * Returns: (transfer full): the toolkit's content, or %NULL with @error set
 */
PwToolkit *
pw_toolkit_collect (PwStore      *store,
                    PwProgramme  *programme,
                    PwWorkshop   *workshop,
                    GError      **error)
{
  g_autoptr(PwToolkit) self = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;

  g_return_val_if_fail (PW_IS_STORE (store), NULL);
  g_return_val_if_fail (PW_IS_PROGRAMME (programme), NULL);
  g_return_val_if_fail (workshop == NULL || PW_IS_WORKSHOP (workshop), NULL);

  self = g_new0 (PwToolkit, 1);
  self->sections = g_ptr_array_new_with_free_func (section_free);
  self->programme_name = g_strdup (pw_programme_get_name (programme));
  start = format_date (pw_programme_get_start_date (programme));
  end = format_date (pw_programme_get_end_date (programme));
  self->subtitle = g_strdup_printf ("%s · %s – %s",
                                    pw_programme_get_kind (programme) == PW_PROGRAMME_KIND_REVERSE
                                      ? _("Reverse mentoring")
                                      : pw_programme_get_kind (programme) == PW_PROGRAMME_KIND_PEER
                                          ? _("Peer mentoring") : _("Mentoring"),
                                    start, end);
  self->generated = g_date_time_format (now, "%-d %B %Y");

  collect_design (self, programme);
  if (!collect_rules (self, store, programme, error))
    return NULL;
  collect_conduct (self, programme);
  collect_agreement (self, programme);
  collect_schedule (self, store, programme);
  collect_evaluation (self, programme, workshop);
  if (workshop != NULL)
    collect_notes (self, workshop);

  g_assert (self->sections->len >= PW_TOOLKIT_N_SECTIONS);

  return g_steal_pointer (&self);
}

void
pw_toolkit_free (PwToolkit *toolkit)
{
  if (toolkit == NULL)
    return;

  g_free (toolkit->programme_name);
  g_free (toolkit->subtitle);
  g_free (toolkit->generated);
  g_ptr_array_unref (toolkit->sections);
  g_free (toolkit);
}

guint
pw_toolkit_get_n_sections (PwToolkit *toolkit)
{
  g_return_val_if_fail (toolkit != NULL, 0);

  return toolkit->sections->len;
}

const char *
pw_toolkit_get_title (PwToolkit *toolkit,
                      guint      section)
{
  g_return_val_if_fail (toolkit != NULL, NULL);
  g_return_val_if_fail (section < toolkit->sections->len, NULL);

  return ((Section *) g_ptr_array_index (toolkit->sections, section))->title;
}

gboolean
pw_toolkit_write_pdf (PwToolkit   *toolkit,
                      const char  *path,
                      GError     **error)
{
  g_autofree char *tmp = NULL;
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  Sink sink = { -1, 0 };

  g_return_val_if_fail (toolkit != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  /* Written beside the target and renamed over it: a failure leaves any
   * earlier toolkit whole, and the file is never readable by others. */
  tmp = g_strdup_printf ("%s.XXXXXX", path);
  sink.fd = g_mkstemp_full (tmp, O_WRONLY | O_CLOEXEC, 0600);
  if (sink.fd < 0)
    {
      int saved = errno;

      g_set_error (error, PW_TOOLKIT_ERROR, PW_TOOLKIT_ERROR_FAILED,
                   _("Cannot write the toolkit to %s: %s. Choose a folder you can write to."),
                   path, g_strerror (saved));
      return FALSE;
    }

  surface = cairo_pdf_surface_create_for_stream (write_cb, &sink, PAGE_WIDTH, PAGE_HEIGHT);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, toolkit->programme_name);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Pairwise");
  cr = cairo_create (surface);
  render (toolkit, cr);
  /* A drawing error stops all later drawing: never pass off a truncated
   * toolkit as written. */
  status = cairo_status (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status == CAIRO_STATUS_SUCCESS && fsync (sink.fd) != 0)
    sink.saved_errno = errno;

  if (close (sink.fd) != 0 && sink.saved_errno == 0)
    sink.saved_errno = errno;

  if (status != CAIRO_STATUS_SUCCESS || sink.saved_errno != 0)
    {
      g_set_error (error, PW_TOOLKIT_ERROR, PW_TOOLKIT_ERROR_FAILED,
                   _("Cannot write the toolkit to %s: %s."),
                   path, sink.saved_errno ? g_strerror (sink.saved_errno) : cairo_status_to_string (status));
      g_unlink (tmp);
      return FALSE;
    }

  if (g_rename (tmp, path) != 0)
    {
      int saved = errno;

      g_set_error (error, PW_TOOLKIT_ERROR, PW_TOOLKIT_ERROR_FAILED,
                   _("Cannot write the toolkit to %s: %s."), path, g_strerror (saved));
      g_unlink (tmp);
      return FALSE;
    }

  return TRUE;
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  PwToolkit *toolkit = g_object_get_data (G_OBJECT (task), "pw-toolkit");
  GError *error = NULL;

  if (pw_toolkit_write_pdf (toolkit, task_data, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
pw_toolkit_export_async (PwStore             *store,
                         PwProgramme         *programme,
                         PwWorkshop          *workshop,
                         GFile               *file,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  PwToolkit *toolkit;
  char *path;

  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, pw_toolkit_export_async);

  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_task_return_new_error (task, PW_TOOLKIT_ERROR, PW_TOOLKIT_ERROR_FAILED,
                               _("The toolkit can only be saved to a local folder."));
      return;
    }
  g_task_set_task_data (task, path, g_free);

  toolkit = pw_toolkit_collect (store, programme, workshop, &error);
  if (toolkit == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_object_set_data_full (G_OBJECT (task), "pw-toolkit", toolkit, (GDestroyNotify) pw_toolkit_free);

  g_task_run_in_thread (task, export_thread);
}

gboolean
pw_toolkit_export_finish (GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
