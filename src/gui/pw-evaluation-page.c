/* pw-evaluation-page.c — the Evaluation section: questionnaires, answers,
 * the dashboard and the report
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "pw-evaluation-page"

#include <stdio.h>

#include <glib/gi18n.h>

#include "pw-bundle.h"
#include "pw-evaluation-chart.h"
#include "pw-evaluation-page.h"
#include "pw-gui-utils.h"
#include "pw-report.h"

/* The widgets that take one question's answer. */
typedef struct
{
  char            *key;
  PwQuestionType   type;
  GtkWidget       *choices[5];  /* scale: 1–5; yes/no: yes, no */
  GtkWidget       *entry;       /* text */
} AnswerWidgets;

struct _PwEvaluationPage
{
  AdwBin            parent_instance;

  PwStore          *store;
  PwProgramme      *programme;
  PwDashboard      *dashboard;
  GListModel       *questionnaires;
  PwQuestionnaire  *current;
  GPtrArray        *respondents;    /* PwRespondent of the current questionnaire */
  GPtrArray        *answers;        /* AnswerWidgets */
  GtkWidget        *named_switch;
  GtkFileChooserNative *chooser;

  AdwToastOverlay  *toast_overlay;
  AdwViewStack     *view_stack;
  GtkBox           *dashboard_box;
  GtkBox           *questionnaires_box;
  AdwComboRow      *questionnaire_row;
  AdwComboRow      *respondent_row;
  GtkBox           *questions_box;
  GtkBox           *status_box;
};

G_DEFINE_FINAL_TYPE (PwEvaluationPage, pw_evaluation_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_STORE,
  PROP_PROGRAMME,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void refresh_answers (PwEvaluationPage *self);

/* Static helpers */

static void
answer_widgets_free (gpointer data)
{
  AnswerWidgets *a = data;

  g_free (a->key);
  g_free (a);
}

static void
clear_box (GtkBox *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (box))) != NULL)
    gtk_box_remove (box, child);
}

static void
toast (PwEvaluationPage *self,
       const char       *text)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (text));
}

static void
show_error (PwEvaluationPage *self,
            const char       *heading,
            const char       *message)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, heading, message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static GtkWidget *
group_new (const char *title,
           const char *description)
{
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  if (description != NULL)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);
  return group;
}

static GtkWidget *
card (GtkWidget *child)
{
  GtkWidget *frame = gtk_frame_new (NULL);

  gtk_widget_set_margin_top (child, 12);
  gtk_widget_set_margin_bottom (child, 12);
  gtk_widget_set_margin_start (child, 12);
  gtk_widget_set_margin_end (child, 12);
  gtk_frame_set_child (GTK_FRAME (frame), child);
  return frame;
}

static GtkWidget *
muted_label (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "dim-label");
  return label;
}

static void
add_count_bar (PwEvaluationChart *chart,
               GString           *words,
               const char        *label,
               guint              value,
               guint              max)
{
  g_autofree char *text = g_strdup_printf ("%u", value);

  pw_evaluation_chart_add_bar (chart, label, value, max, text);
  g_string_append_printf (words, "%s: %u. ", label, value);
}

static void
add_of_bar (PwEvaluationChart *chart,
            GString           *words,
            const char        *label,
            guint              value,
            guint              max)
{
  /* Translators: "3 of 12", a count against its total */
  g_autofree char *text = g_strdup_printf (_("%u of %u"), value, max);

  pw_evaluation_chart_add_bar (chart, label, value, max, text);
  g_string_append_printf (words, "%s: %s. ", label, text);
}

static GtkWidget *
score_widget (const char    *title,
              const PwScore *score)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *heading = gtk_label_new (title);
  g_autofree char *words = pw_score_describe (score);

  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_label_set_wrap (GTK_LABEL (heading), TRUE);
  gtk_widget_add_css_class (heading, "heading");
  gtk_box_append (GTK_BOX (box), heading);
  gtk_box_append (GTK_BOX (box), muted_label (words));

  if (!score->suppressed)
    {
      GtkWidget *chart = pw_evaluation_chart_new (PW_CHART_DISTRIBUTION, title);
      g_autofree char *description =
        g_strdup_printf (_("%s. Answers of 1: %u, 2: %u, 3: %u, 4: %u, 5: %u. Standard deviation %.1f."),
                         words, score->distribution[0], score->distribution[1], score->distribution[2],
                         score->distribution[3], score->distribution[4], score->stddev);

      pw_evaluation_chart_set_distribution (PW_EVALUATION_CHART (chart), score->distribution);
      pw_evaluation_chart_set_description (PW_EVALUATION_CHART (chart), description);
      gtk_widget_set_halign (chart, GTK_ALIGN_START);
      gtk_box_append (GTK_BOX (box), chart);
    }

  return box;
}

static void
refresh_dashboard (PwEvaluationPage *self)
{
  g_autoptr(GError) error = NULL;
  PwDashboard *d;
  GtkWidget *group, *chart, *box, *label;
  g_autoptr(GString) words = g_string_new (NULL);
  g_autofree char *roi = NULL;

  clear_box (self->dashboard_box);
  g_clear_pointer (&self->dashboard, pw_dashboard_free);

  self->dashboard = pw_dashboard_compute (self->store, pw_programme_get_id (self->programme), &error);
  if (self->dashboard == NULL)
    {
      gtk_box_append (self->dashboard_box, muted_label (error->message));
      return;
    }
  d = self->dashboard;

  /* Return on investment first: it is what leadership asks. */
  roi = pw_dashboard_roi_summary (d);
  group = group_new (_("Return on Investment"), NULL);
  label = gtk_label_new (roi);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), card (label));
  gtk_box_append (self->dashboard_box, group);

  group = group_new (_("Participation"), NULL);
  chart = pw_evaluation_chart_new (PW_CHART_BARS, _("Participation"));
  add_count_bar (PW_EVALUATION_CHART (chart), words, _("People enrolled"), d->enrolled, MAX (d->enrolled, 1));
  add_count_bar (PW_EVALUATION_CHART (chart), words, _("People eligible"), d->eligible, MAX (d->enrolled, 1));
  add_count_bar (PW_EVALUATION_CHART (chart), words, _("Pairs matched"), d->matched, MAX (d->matched, 1));
  add_count_bar (PW_EVALUATION_CHART (chart), words, _("Pairs active"), d->active, MAX (d->matched, 1));
  add_count_bar (PW_EVALUATION_CHART (chart), words, _("Pairs ended"), d->ended, MAX (d->matched, 1));
  add_of_bar (PW_EVALUATION_CHART (chart), words, _("Evaluations answered"), d->responses_received,
              d->responses_expected);
  pw_evaluation_chart_set_description (PW_EVALUATION_CHART (chart), words->str);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), card (chart));
  gtk_box_append (self->dashboard_box, group);

  g_string_truncate (words, 0);
  group = group_new (_("Meetings and Goals"), NULL);
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  chart = pw_evaluation_chart_new (PW_CHART_BARS, _("Meetings and goals"));
  add_of_bar (PW_EVALUATION_CHART (chart), words, _("Meetings held of planned"), d->meetings_held, d->meetings_planned);
  add_of_bar (PW_EVALUATION_CHART (chart), words, _("Significant discussions of the target"), d->significant,
              d->significant_target);
  add_of_bar (PW_EVALUATION_CHART (chart), words, _("Goals achieved"), d->goals_achieved, d->goals);
  pw_evaluation_chart_set_description (PW_EVALUATION_CHART (chart), words->str);
  gtk_box_append (GTK_BOX (box), chart);

  g_string_truncate (words, 0);
  chart = pw_evaluation_chart_new (PW_CHART_TREND, _("Meetings month by month"));
  g_string_append (words, _("Meetings planned and held, month by month. "));
  for (guint i = 0; i < d->months->len; i++)
    {
      PwMonthCount *m = g_ptr_array_index (d->months, i);
      g_autoptr(GDateTime) when = NULL;
      int y = 0, mo = 0;
      g_autofree char *label_text = NULL;

      if (sscanf (m->month, "%4d-%2d", &y, &mo) == 2)
        when = g_date_time_new_utc (y, mo, 1, 0, 0, 0);
      label_text = when ? g_date_time_format (when, "%b") : g_strdup (m->month);
      pw_evaluation_chart_add_month (PW_EVALUATION_CHART (chart), label_text, m->planned, m->held);
      /* Translators: one month of the trend: "2027-03: 4 planned, 3 held." */
      g_string_append_printf (words, _("%s: %u planned, %u held. "), m->month, m->planned, m->held);
    }
  pw_evaluation_chart_set_description (PW_EVALUATION_CHART (chart), words->str);
  gtk_box_append (GTK_BOX (box), chart);
  gtk_box_append (GTK_BOX (box), muted_label (_("Each month: meetings planned (pale), then held (solid).")));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), card (box));
  gtk_box_append (self->dashboard_box, group);

  group = group_new (_("Scores by Criterion"),
                     _("1 is strongly disagree, 5 strongly agree. Figures from fewer than five people are not shown."));
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  gtk_box_append (GTK_BOX (box), score_widget (_("Process: clear objectives, regular purposeful meetings"),
                                               &d->criteria[PW_EVAL_CRITERION_PROCESS]));
  gtk_box_append (GTK_BOX (box), score_widget (_("Content: feedback, raising issues and challenging"),
                                               &d->criteria[PW_EVAL_CRITERION_CONTENT]));
  gtk_box_append (GTK_BOX (box), score_widget (_("Outcome: progress, career development, networking"),
                                               &d->criteria[PW_EVAL_CRITERION_OUTCOME]));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), card (box));
  gtk_box_append (self->dashboard_box, group);

  group = group_new (_("Feedback Both Ways"), NULL);
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  gtk_box_append (GTK_BOX (box), score_widget (_("Mentors about their mentees"), &d->mentor_feedback));
  gtk_box_append (GTK_BOX (box), score_widget (_("Mentees about their mentors"), &d->mentee_feedback));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), card (box));
  gtk_box_append (self->dashboard_box, group);

  group = group_new (_("In Their Own Words"),
                     _("A name shows only where the person agreed to be named."));
  if (d->comments->len == 0)
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), muted_label (_("No written answers yet.")));
  for (guint i = 0; i < d->comments->len; i++)
    {
      PwComment *c = g_ptr_array_index (d->comments, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *subtitle = g_strdup_printf ("%s — %s", c->name ? c->name : _("anonymous"), c->question);
      g_autofree char *title = g_markup_escape_text (c->text, -1);
      g_autofree char *escaped = g_markup_escape_text (subtitle, -1);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), escaped);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }
  gtk_box_append (self->dashboard_box, group);
}

/* Questionnaires */

typedef struct
{
  PwEvaluationPage *page;
  PwQuestionnaire  *q;
  GtkWidget        *window;
  GtkWidget        *title_row;
  GtkWidget        *group;
  GPtrArray        *rows;     /* QuestionRow */
} Editor;

typedef struct
{
  char      *key;
  GtkWidget *entry;
  GtkWidget *type;
  GtkWidget *criterion;
} QuestionRow;

static void
question_row_free (gpointer data)
{
  QuestionRow *r = data;

  g_free (r->key);
  g_free (r);
}

static void
editor_free (gpointer data)
{
  Editor *e = data;

  g_clear_object (&e->q);
  g_ptr_array_unref (e->rows);
  g_free (e);
}

static void
remove_question_cb (GtkButton *button,
                    Editor    *e)
{
  GtkWidget *row = g_object_get_data (G_OBJECT (button), "row");

  for (guint i = 0; i < e->rows->len; i++)
    if (((QuestionRow *)g_ptr_array_index (e->rows, i))->entry == row)
      {
        g_ptr_array_remove_index (e->rows, i);
        break;
      }
  adw_preferences_group_remove (ADW_PREFERENCES_GROUP (e->group), row);
}

static void
editor_add_row (Editor           *e,
                const PwQuestion *question)
{
  static const char * const types[] = { N_("1 to 5"), N_("Yes or no"), N_("In words"), NULL };
  static const char * const criteria[] = { N_("No criterion"), N_("Process"), N_("Content"), N_("Outcome"), NULL };
  g_autoptr(GtkStringList) type_list = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) criterion_list = gtk_string_list_new (NULL);
  QuestionRow *r = g_new0 (QuestionRow, 1);
  GtkWidget *remove;

  for (guint i = 0; types[i] != NULL; i++)
    gtk_string_list_append (type_list, _(types[i]));
  for (guint i = 0; criteria[i] != NULL; i++)
    gtk_string_list_append (criterion_list, _(criteria[i]));

  r->key = g_strdup (question ? question->key : NULL);
  r->entry = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (r->entry), _("Question"));
  if (question != NULL)
    gtk_editable_set_text (GTK_EDITABLE (r->entry), question->text);

  r->type = gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&type_list)), NULL);
  gtk_widget_set_valign (r->type, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (r->type, _("Kind of answer"));
  gtk_drop_down_set_selected (GTK_DROP_DOWN (r->type), question ? question->type : PW_QUESTION_SCALE);
  r->criterion = gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&criterion_list)), NULL);
  gtk_widget_set_valign (r->criterion, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (r->criterion, _("Criterion the answer counts towards"));
  gtk_drop_down_set_selected (GTK_DROP_DOWN (r->criterion), question ? question->criterion : PW_EVAL_CRITERION_NONE);
  remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (remove, _("Remove the question"));
  gtk_widget_add_css_class (remove, "flat");
  g_object_set_data (G_OBJECT (remove), "row", r->entry);
  g_signal_connect (remove, "clicked", G_CALLBACK (remove_question_cb), e);

  adw_entry_row_add_suffix (ADW_ENTRY_ROW (r->entry), r->type);
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (r->entry), r->criterion);
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (r->entry), remove);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (e->group), r->entry);
  g_ptr_array_add (e->rows, r);
}

static void
add_question_cb (GtkButton *button,
                 Editor    *e)
{
  editor_add_row (e, NULL);
}

static void
refresh_questionnaires (PwEvaluationPage *self);

static void
save_version_cb (GtkButton *button,
                 Editor    *e)
{
  g_autoptr(GPtrArray) questions = g_ptr_array_new_with_free_func ((GDestroyNotify)pw_question_free);
  g_autoptr(PwQuestionnaire) saved = NULL;
  g_autoptr(GError) error = NULL;
  PwEvaluationPage *self = e->page;

  for (guint i = 0; i < e->rows->len; i++)
    {
      QuestionRow *r = g_ptr_array_index (e->rows, i);

      g_ptr_array_add (questions,
                       pw_question_new (r->key, gtk_editable_get_text (GTK_EDITABLE (r->entry)),
                                        gtk_drop_down_get_selected (GTK_DROP_DOWN (r->type)),
                                        gtk_drop_down_get_selected (GTK_DROP_DOWN (r->criterion))));
    }

  saved = pw_evaluation_save_version (self->store, pw_programme_get_id (self->programme),
                                      pw_questionnaire_get_slug (e->q),
                                      gtk_editable_get_text (GTK_EDITABLE (e->title_row)),
                                      pw_questionnaire_get_intro (e->q), questions, &error);
  if (saved == NULL)
    {
      show_error (self, _("The Questionnaire Was Not Saved"), error->message);
      return;
    }

  gtk_window_destroy (GTK_WINDOW (e->window));
  refresh_questionnaires (self);
  refresh_answers (self);
  {
    g_autofree char *text = g_strdup_printf (_("Saved as version %d; earlier answers keep their version"),
                                             pw_questionnaire_get_version (saved));
    toast (self, text);
  }
}

static void
edit_questionnaire_cb (GtkButton        *button,
                       PwEvaluationPage *self)
{
  PwQuestionnaire *q = g_object_get_data (G_OBJECT (button), "questionnaire");
  Editor *e = g_new0 (Editor, 1);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *box, *header, *cancel, *save, *page, *group, *add;
  g_autofree char *save_label = g_strdup_printf (_("Save as Version %d"), pw_questionnaire_get_version (q) + 1);

  e->page = self;
  e->q = g_object_ref (q);
  e->rows = g_ptr_array_new_with_free_func (question_row_free);

  e->window = adw_window_new ();
  gtk_window_set_title (GTK_WINDOW (e->window), pw_questionnaire_get_title (q));
  gtk_window_set_modal (GTK_WINDOW (e->window), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (e->window), 760, 640);
  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (e->window), GTK_WINDOW (root));
  g_object_set_data_full (G_OBJECT (e->window), "editor", e, editor_free);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  header = adw_header_bar_new ();
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_show_start_title_buttons (ADW_HEADER_BAR (header), FALSE);
  cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  g_signal_connect_swapped (cancel, "clicked", G_CALLBACK (gtk_window_destroy), e->window);
  /* Editing makes a new version, so it is one deliberate step, not saved as one types. */
  save = gtk_button_new_with_label (save_label);
  gtk_widget_add_css_class (save, "suggested-action");
  g_signal_connect (save, "clicked", G_CALLBACK (save_version_cb), e);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), save);
  gtk_box_append (GTK_BOX (box), header);

  page = adw_preferences_page_new ();
  gtk_widget_set_vexpand (page, TRUE);
  group = adw_preferences_group_new ();
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("Answers already given stay with the version they answered."));
  e->title_row = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (e->title_row), _("Title"));
  gtk_editable_set_text (GTK_EDITABLE (e->title_row), pw_questionnaire_get_title (q));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), e->title_row);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));

  e->group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (e->group), _("Questions"));
  add = gtk_button_new_with_label (_("Add Question"));
  gtk_widget_add_css_class (add, "flat");
  g_signal_connect (add, "clicked", G_CALLBACK (add_question_cb), e);
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (e->group), add);
  for (guint i = 0; i < pw_questionnaire_get_n_questions (q); i++)
    editor_add_row (e, pw_questionnaire_get_question (q, i));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (e->group));
  gtk_box_append (GTK_BOX (box), page);

  adw_window_set_content (ADW_WINDOW (e->window), box);
  gtk_window_present (GTK_WINDOW (e->window));
}

static void
refresh_questionnaires (PwEvaluationPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GtkStringList) titles = gtk_string_list_new (NULL);
  GtkWidget *group;
  guint selected = adw_combo_row_get_selected (self->questionnaire_row);

  clear_box (self->questionnaires_box);
  g_clear_object (&self->questionnaires);
  self->questionnaires = pw_evaluation_list_questionnaires (self->store, pw_programme_get_id (self->programme), &error);
  if (self->questionnaires == NULL)
    {
      gtk_box_append (self->questionnaires_box, muted_label (error->message));
      return;
    }

  group = group_new (_("Questionnaires"),
                     _("Editing a questionnaire saves a new version; answers already given keep theirs."));
  for (guint i = 0; i < g_list_model_get_n_items (self->questionnaires); i++)
    {
      g_autoptr(PwQuestionnaire) q = g_list_model_get_item (self->questionnaires, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *edit = gtk_button_new_with_label (_("Edit…"));
      g_autofree char *subtitle = g_strdup_printf (_("Version %d · %u questions"), pw_questionnaire_get_version (q),
                                                   pw_questionnaire_get_n_questions (q));
      g_autofree char *tooltip = g_strdup_printf (_("Edit “%s”"), pw_questionnaire_get_title (q));

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), pw_questionnaire_get_title (q));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_widget_set_valign (edit, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (edit, tooltip);
      g_object_set_data_full (G_OBJECT (edit), "questionnaire", g_object_ref (q), g_object_unref);
      g_signal_connect (edit, "clicked", G_CALLBACK (edit_questionnaire_cb), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), edit);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
      gtk_string_list_append (titles, pw_questionnaire_get_title (q));
    }
  gtk_box_append (self->questionnaires_box, group);

  adw_combo_row_set_model (self->questionnaire_row, G_LIST_MODEL (titles));
  if (selected != GTK_INVALID_LIST_POSITION && selected < g_list_model_get_n_items (self->questionnaires))
    adw_combo_row_set_selected (self->questionnaire_row, selected);
}

/* Answers */

static GtkWidget *
choice_row (const char     *title,
            const char * const *labels,
            guint           n,
            GtkWidget     **out)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  g_autofree char *escaped = g_markup_escape_text (title, -1);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), escaped);
  gtk_widget_add_css_class (box, "linked");
  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *tooltip = g_strdup_printf ("%s: %s", title, labels[i]);

      out[i] = gtk_toggle_button_new_with_label (labels[i]);
      gtk_widget_set_tooltip_text (out[i], tooltip);
      if (i > 0)
        gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (out[i]), GTK_TOGGLE_BUTTON (out[0]));
      gtk_box_append (GTK_BOX (box), out[i]);
    }
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), box);
  return row;
}

static void
build_question_widgets (PwEvaluationPage *self)
{
  static const char * const scale[] = { "1", "2", "3", "4", "5" };
  const char *yes_no[] = { _("Yes"), _("No") };
  GtkWidget *group;
  GtkWidget *row;

  clear_box (self->questions_box);
  g_ptr_array_set_size (self->answers, 0);
  self->named_switch = NULL;
  if (self->current == NULL)
    return;

  group = group_new (_("Answers"), _("Scale questions: 1 is strongly disagree, 5 strongly agree. Leave a question "
                                     "unanswered if the person did not answer it."));
  for (guint i = 0; i < pw_questionnaire_get_n_questions (self->current); i++)
    {
      const PwQuestion *q = pw_questionnaire_get_question (self->current, i);
      AnswerWidgets *a = g_new0 (AnswerWidgets, 1);

      a->key = g_strdup (q->key);
      a->type = q->type;
      if (q->type == PW_QUESTION_SCALE)
        row = choice_row (q->text, scale, 5, a->choices);
      else if (q->type == PW_QUESTION_YES_NO)
        row = choice_row (q->text, yes_no, 2, a->choices);
      else
        {
          g_autofree char *escaped = g_markup_escape_text (q->text, -1);

          row = a->entry = adw_entry_row_new ();
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), escaped);
        }
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
      g_ptr_array_add (self->answers, a);
    }

  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("May be named with their written answers"));
  self->named_switch = gtk_switch_new ();
  gtk_widget_set_valign (self->named_switch, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), self->named_switch);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), self->named_switch);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  gtk_box_append (self->questions_box, group);
}

static void
copy_reminders_cb (GtkButton        *button,
                   PwEvaluationPage *self)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; self->respondents != NULL && i < self->respondents->len; i++)
    {
      PwRespondent *r = g_ptr_array_index (self->respondents, i);

      if (r->response_id == 0)
        g_string_append_printf (text, "%s <%s>\n", r->name, r->email);
    }
  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (self)), text->str);
  toast (self, _("Reminder list copied"));
}

static void
build_status (PwEvaluationPage *self)
{
  GtkWidget *group;
  GtkWidget *copy;
  guint answered = 0;
  g_autofree char *title = NULL;

  clear_box (self->status_box);
  if (self->respondents == NULL)
    return;

  for (guint i = 0; i < self->respondents->len; i++)
    answered += ((PwRespondent *)g_ptr_array_index (self->respondents, i))->response_id != 0;

  title = g_strdup_printf (_("Who Has Answered: %u of %u"), answered, self->respondents->len);
  group = group_new (title, self->respondents->len == 0
                              ? _("Nobody is asked yet: approve pairs in Matching first.") : NULL);
  copy = gtk_button_new_with_label (_("Copy Reminder List"));
  gtk_widget_set_tooltip_text (copy, _("Copy the names and addresses of those who have not answered"));
  gtk_widget_add_css_class (copy, "flat");
  gtk_widget_set_sensitive (copy, answered < self->respondents->len);
  g_signal_connect (copy, "clicked", G_CALLBACK (copy_reminders_cb), self);
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (group), copy);

  for (guint i = 0; i < self->respondents->len; i++)
    {
      PwRespondent *r = g_ptr_array_index (self->respondents, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *state = gtk_label_new (r->response_id ? _("Answered") : _("Not answered"));
      g_autofree char *title_text = g_markup_escape_text (r->name, -1);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title_text);
      if (r->subject_name != NULL)
        {
          g_autofree char *about = g_strdup_printf (_("About %s"), r->subject_name);
          g_autofree char *escaped = g_markup_escape_text (about, -1);
          adw_action_row_set_subtitle (ADW_ACTION_ROW (row), escaped);
        }
      if (r->response_id == 0)
        gtk_widget_add_css_class (state, "warning");
      else
        gtk_widget_add_css_class (state, "dim-label");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), state);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }
  gtk_box_append (self->status_box, group);
}

static void
refresh_answers (PwEvaluationPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  guint selected = adw_combo_row_get_selected (self->questionnaire_row);
  guint respondent = adw_combo_row_get_selected (self->respondent_row);

  g_clear_object (&self->current);
  g_clear_pointer (&self->respondents, g_ptr_array_unref);

  if (self->questionnaires != NULL && selected < g_list_model_get_n_items (self->questionnaires))
    {
      g_autoptr(PwQuestionnaire) q = g_list_model_get_item (self->questionnaires, selected);

      self->current = g_object_ref (q);
      self->respondents = pw_evaluation_list_respondents (self->store, pw_programme_get_id (self->programme),
                                                          pw_questionnaire_get_slug (q), &error);
      if (self->respondents == NULL)
        toast (self, error->message);
    }

  for (guint i = 0; self->respondents != NULL && i < self->respondents->len; i++)
    {
      PwRespondent *r = g_ptr_array_index (self->respondents, i);
      g_autofree char *label = r->subject_name
        /* Translators: a respondent and whom they answer about */
        ? g_strdup_printf (_("%s, about %s"), r->name, r->subject_name)
        : g_strdup (r->name);

      gtk_string_list_append (names, label);
    }
  adw_combo_row_set_model (self->respondent_row, G_LIST_MODEL (names));
  if (respondent != GTK_INVALID_LIST_POSITION && respondent < g_list_model_get_n_items (G_LIST_MODEL (names)))
    adw_combo_row_set_selected (self->respondent_row, respondent);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "evaluation.save-answer",
                                 self->respondents != NULL && self->respondents->len > 0);
  build_question_widgets (self);
  build_status (self);
}

static void
save_answer (PwEvaluationPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PwResponse) response = NULL;
  guint i = adw_combo_row_get_selected (self->respondent_row);
  PwRespondent *r;
  g_autofree char *done = NULL;

  if (self->current == NULL || self->respondents == NULL || i >= self->respondents->len)
    return;
  r = g_ptr_array_index (self->respondents, i);

  response = pw_response_new (pw_questionnaire_get_id (self->current), r->person_id, r->pair_id);
  response->named = self->named_switch != NULL && gtk_switch_get_active (GTK_SWITCH (self->named_switch));
  for (guint j = 0; j < self->answers->len; j++)
    {
      AnswerWidgets *a = g_ptr_array_index (self->answers, j);

      if (a->type == PW_QUESTION_TEXT)
        {
          const char *text = gtk_editable_get_text (GTK_EDITABLE (a->entry));

          if (text[0] != '\0')
            pw_response_set_text (response, a->key, text);
          continue;
        }
      for (guint k = 0; k < 5 && a->choices[k] != NULL; k++)
        if (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (a->choices[k])))
          pw_response_set_number (response, a->key, a->type == PW_QUESTION_SCALE ? (int)k + 1 : k == 0);
    }

  if (!pw_evaluation_save_response (self->store, response, &error))
    {
      show_error (self, _("The Answer Was Not Saved"), error->message);
      return;
    }

  done = g_strdup_printf (_("Answer from %s saved"), r->name);
  refresh_answers (self);
  refresh_dashboard (self);
  toast (self, done);
}

static void
questionnaire_selected_cb (PwEvaluationPage *self)
{
  refresh_answers (self);
}

/* Files */

static void
export_form_response_cb (GtkNativeDialog  *dialog,
                         int               response,
                         PwEvaluationPage *self)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  const char *slug;

  if (response != GTK_RESPONSE_ACCEPT || self->current == NULL)
    goto done;

  file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  path = g_file_get_path (file);
  slug = pw_questionnaire_get_slug (self->current);
  if (g_str_has_suffix (path, ".csv"))
    text = pw_evaluation_export_csv (self->store, pw_programme_get_id (self->programme), slug, &error);
  else
    text = pw_evaluation_export_html (self->store, pw_programme_get_id (self->programme), slug, NULL, &error);

  if (text == NULL || !pw_write_private_file (path, text, -1, &error))
    show_error (self, _("The Form Was Not Exported"), error->message);
  else
    toast (self, _("Form exported"));

done:
  g_clear_object (&self->chooser);
}

static void
import_response_cb (GtkNativeDialog  *dialog,
                    int               response,
                    PwEvaluationPage *self)
{
  g_autoptr(GListModel) files = NULL;
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  guint n = 0;

  if (response != GTK_RESPONSE_ACCEPT)
    goto done;

  files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (dialog));
  for (guint i = 0; i < g_list_model_get_n_items (files); i++)
    {
      g_autoptr(GFile) file = g_list_model_get_item (files, i);
      g_ptr_array_add (paths, g_file_get_path (file));
    }
  g_ptr_array_add (paths, NULL);

  if (!pw_evaluation_import_files (self->store, pw_programme_get_id (self->programme),
                                   (const char * const *)paths->pdata, &n, &error))
    show_error (self, _("Nothing Was Imported"), error->message);
  else
    {
      g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u answer imported",
                                                            "%u answers imported", n), n);
      refresh_answers (self);
      refresh_dashboard (self);
      toast (self, text);
    }

done:
  g_clear_object (&self->chooser);
}

static void
report_written_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(PwEvaluationPage) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!pw_report_export_finish (result, &error))
    show_error (self, _("The Report Was Not Saved"), error->message);
  else
    toast (self, _("Report saved"));
}

static void
export_report_response_cb (GtkNativeDialog  *dialog,
                           int               response,
                           PwEvaluationPage *self)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      path = g_file_get_path (file);
      toast (self, _("Saving the report…"));
      pw_report_export_async (self->store, pw_programme_get_id (self->programme),
                              g_str_has_suffix (path, ".csv") ? PW_REPORT_CSV : PW_REPORT_PDF,
                              path, NULL, report_written_cb, g_object_ref (self));
    }
  g_clear_object (&self->chooser);
}

static GtkFileChooserNative *
chooser_new (PwEvaluationPage     *self,
             const char           *title,
             GtkFileChooserAction  action,
             const char           *accept)
{
  g_clear_object (&self->chooser);
  self->chooser = pw_file_chooser_new (GTK_WIDGET (self), title, action, accept, NULL);
  return self->chooser;
}

static void
export_form_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  PwEvaluationPage *self = PW_EVALUATION_PAGE (widget);
  GtkFileChooserNative *chooser;
  g_autofree char *name = NULL;

  if (self->current == NULL)
    return;
  chooser = chooser_new (self, _("Export Form"), GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"));
  name = g_strdup_printf ("%s.html", pw_questionnaire_get_slug (self->current));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  pw_file_chooser_add_filter (chooser, _("HTML form"), "text/html", "*.html", NULL);
  pw_file_chooser_add_filter (chooser, _("CSV"), "text/csv", "*.csv", NULL);
  g_signal_connect (chooser, "response", G_CALLBACK (export_form_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  PwEvaluationPage *self = PW_EVALUATION_PAGE (widget);
  GtkFileChooserNative *chooser = chooser_new (self, _("Import Answers"), GTK_FILE_CHOOSER_ACTION_OPEN,
                                               _("_Import"));

  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (chooser), TRUE);
  pw_file_chooser_add_filter (chooser, _("Answer files (JSON or CSV)"), "application/json", "*.json", NULL);
  g_signal_connect (chooser, "response", G_CALLBACK (import_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
export_report_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  PwEvaluationPage *self = PW_EVALUATION_PAGE (widget);
  GtkFileChooserNative *chooser = chooser_new (self, _("Export Report"), GTK_FILE_CHOOSER_ACTION_SAVE,
                                               _("_Export"));
  g_autofree char *name = g_strdup_printf (_("%s report.pdf"), pw_programme_get_name (self->programme));

  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  pw_file_chooser_add_filter (chooser, _("PDF"), "application/pdf", "*.pdf", NULL);
  pw_file_chooser_add_filter (chooser, _("CSV"), "text/csv", "*.csv", NULL);
  g_signal_connect (chooser, "response", G_CALLBACK (export_report_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
save_answer_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  save_answer (PW_EVALUATION_PAGE (widget));
}

/* Overrides */

static void
pw_evaluation_page_constructed (GObject *object)
{
  PwEvaluationPage *self = PW_EVALUATION_PAGE (object);

  G_OBJECT_CLASS (pw_evaluation_page_parent_class)->constructed (object);

  refresh_questionnaires (self);
  refresh_answers (self);
  refresh_dashboard (self);
  g_signal_connect_swapped (self->questionnaire_row, "notify::selected",
                            G_CALLBACK (questionnaire_selected_cb), self);
}

static void
pw_evaluation_page_dispose (GObject *object)
{
  PwEvaluationPage *self = PW_EVALUATION_PAGE (object);

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), PW_TYPE_EVALUATION_PAGE);
  g_clear_object (&self->current);
  g_clear_object (&self->questionnaires);
  g_clear_pointer (&self->respondents, g_ptr_array_unref);
  g_clear_pointer (&self->answers, g_ptr_array_unref);
  g_clear_pointer (&self->dashboard, pw_dashboard_free);
  g_clear_object (&self->programme);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (pw_evaluation_page_parent_class)->dispose (object);
}

static void
pw_evaluation_page_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  PwEvaluationPage *self = PW_EVALUATION_PAGE (object);

  if (!pw_section_set_property (pspec, value, &self->store, &self->programme))
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
pw_evaluation_page_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  PwEvaluationPage *self = PW_EVALUATION_PAGE (object);

  if (!pw_section_get_property (pspec, value, self->store, self->programme))
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
pw_evaluation_page_class_init (PwEvaluationPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = pw_evaluation_page_constructed;
  object_class->dispose = pw_evaluation_page_dispose;
  object_class->set_property = pw_evaluation_page_set_property;
  object_class->get_property = pw_evaluation_page_get_property;

  properties [PROP_STORE] = pw_param_spec_store ();
  properties [PROP_PROGRAMME] = pw_param_spec_programme ();
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/pw-evaluation-page.ui");
  gtk_widget_class_bind_template_child (widget_class, PwEvaluationPage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, PwEvaluationPage, view_stack);
  gtk_widget_class_bind_template_child (widget_class, PwEvaluationPage, dashboard_box);
  gtk_widget_class_bind_template_child (widget_class, PwEvaluationPage, questionnaires_box);
  gtk_widget_class_bind_template_child (widget_class, PwEvaluationPage, questionnaire_row);
  gtk_widget_class_bind_template_child (widget_class, PwEvaluationPage, respondent_row);
  gtk_widget_class_bind_template_child (widget_class, PwEvaluationPage, questions_box);
  gtk_widget_class_bind_template_child (widget_class, PwEvaluationPage, status_box);

  gtk_widget_class_install_action (widget_class, "evaluation.export-report", NULL, export_report_action);
  gtk_widget_class_install_action (widget_class, "evaluation.export-form", NULL, export_form_action);
  gtk_widget_class_install_action (widget_class, "evaluation.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "evaluation.save-answer", NULL, save_answer_action);
}

static void
pw_evaluation_page_init (PwEvaluationPage *self)
{
  self->answers = g_ptr_array_new_with_free_func (answer_widgets_free);
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* Public API */

GtkWidget *
pw_evaluation_page_new (PwStore     *store,
                        PwProgramme *programme)
{
  g_return_val_if_fail (PW_IS_STORE (store), NULL);
  g_return_val_if_fail (PW_IS_PROGRAMME (programme), NULL);

  return g_object_new (PW_TYPE_EVALUATION_PAGE,
                       "store", store,
                       "programme", programme,
                       NULL);
}

const PwDashboard *
pw_evaluation_page_get_dashboard (PwEvaluationPage *self)
{
  g_return_val_if_fail (PW_IS_EVALUATION_PAGE (self), NULL);
  return self->dashboard;
}
