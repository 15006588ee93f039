/* pw-workshop.h — the two-day programme-design workshop: agenda and state
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "pw-eligibility.h"
#include "pw-match.h"
#include "pw-programme.h"
#include "pw-store.h"

G_BEGIN_DECLS

#define PW_WORKSHOP_ERROR (pw_workshop_error_quark ())

typedef enum
{
  PW_WORKSHOP_ERROR_INVALID,   /* a value the workshop cannot take */
  PW_WORKSHOP_ERROR_CORRUPT,   /* the stored state cannot be read */
} PwWorkshopError;

GQuark pw_workshop_error_quark (void);

/* What a screen shows beside its prompts. */
typedef enum
{
  PW_WORKSHOP_SCREEN_PROMPTS,          /* prompts, timer, decisions */
  PW_WORKSHOP_SCREEN_DEMONSTRATION,    /* criteria against blind date, live */
  PW_WORKSHOP_SCREEN_SELF_ASSESSMENT,  /* the competencies rated 1–5 */
  PW_WORKSHOP_SCREEN_TOOLKIT,          /* export the programme toolkit */
} PwWorkshopScreen;

/* The mentor competencies of day two, rated 1–5 in the self-assessment.
 * Stored by name: never rename, only append. */
typedef enum
{
  PW_COMPETENCY_ACTIVE_LISTENING,
  PW_COMPETENCY_QUALITY_QUESTIONS,
  PW_COMPETENCY_FEEDBACK,
  PW_COMPETENCY_REFRAMING,
  PW_COMPETENCY_PRIORITIES,
  PW_COMPETENCY_OWNING_SOLUTIONS,
  PW_COMPETENCY_ADVICE,
  PW_COMPETENCY_SUPPORT_CHALLENGE,
  PW_COMPETENCY_APPRECIATIVE_INQUIRY,
  PW_COMPETENCY_BIGGER_PICTURE,
  PW_COMPETENCY_DEPENDENCY,
  PW_N_COMPETENCIES
} PwCompetency;

/* Fewer answers than this and a competency's figures stay hidden: in a
 * room of a dozen, one or two answers would point at a person. */
#define PW_WORKSHOP_MIN_ANSWERS 3

/* Decisions an agenda item captures, besides setup fields. */
#define PW_DECISION_MENTEE_RULES   "eligibility:mentee"
#define PW_DECISION_MENTOR_RULES   "eligibility:mentor"
#define PW_DECISION_REVERSE_PRESET "eligibility:reverse-preset"
#define PW_DECISION_MATCH_WEIGHTS  "matching:weights"

/* One agenda item. Strings are untranslated (marked with N_()); read
 * them through the accessors, which translate. */
typedef struct
{
  const char          *id;          /* stable: the saved position names it */
  guint                day;         /* 1 or 2 */
  const char          *title;
  guint                minutes;
  const char * const  *prompts;     /* the facilitator's script, NULL-terminated */
  /* Setup field names (pw_programme_list_fields()) and PW_DECISION_*
   * strings, NULL-terminated: what the room decides on this screen. */
  const char * const  *decisions;
  PwWorkshopScreen     screen;
  int                  competency;  /* a PwCompetency, or -1 */
} PwWorkshopItem;

guint                 pw_workshop_agenda_get_n_items (void);
const PwWorkshopItem *pw_workshop_agenda_get_item    (guint                 index);
/* The index of the item with @id, or -1. */
int                   pw_workshop_agenda_find        (const char           *id);
/* Minutes of all items of @day (1 or 2). */
guint                 pw_workshop_agenda_day_minutes (guint                 day);

const char           *pw_workshop_item_get_title     (const PwWorkshopItem *item);
guint                 pw_workshop_item_get_n_prompts (const PwWorkshopItem *item);
const char           *pw_workshop_item_get_prompt    (const PwWorkshopItem *item,
                                                      guint                 index);
gboolean              pw_workshop_item_captures      (const PwWorkshopItem *item,
                                                      const char           *decision);
const char           *pw_workshop_day_title          (guint                 day);

const char           *pw_competency_name             (PwCompetency          competency);
const char           *pw_competency_label            (PwCompetency          competency);

/* The workshop of one programme: where it stopped, its timers and notes,
 * and the room's anonymous self-assessment. Everything is written to the
 * store as it changes, so reopening resumes. */
#define PW_TYPE_WORKSHOP (pw_workshop_get_type ())
G_DECLARE_FINAL_TYPE (PwWorkshop, pw_workshop, PW, WORKSHOP, GObject)

/* @programme is the caller's instance, changed in place by the decisions
 * so that every view holding it stays current. */
PwWorkshop  *pw_workshop_load             (PwStore       *store,
                                           PwProgramme   *programme,
                                           GError       **error);
PwStore     *pw_workshop_get_store        (PwWorkshop    *self);
PwProgramme *pw_workshop_get_programme    (PwWorkshop    *self);

/* Navigation. Moving pauses a running timer. */
guint        pw_workshop_get_position     (PwWorkshop    *self);
const PwWorkshopItem *pw_workshop_get_item (PwWorkshop   *self);
gboolean     pw_workshop_set_position     (PwWorkshop    *self,
                                           guint          position,
                                           GError       **error);
/* FALSE at the end (or start) of the agenda, without an error. */
gboolean     pw_workshop_next             (PwWorkshop    *self,
                                           GError       **error);
gboolean     pw_workshop_previous         (PwWorkshop    *self,
                                           GError       **error);

/* The current item's countdown. Times are monotonic microseconds from the
 * caller's clock (g_get_monotonic_time() or a test's own). */
gboolean     pw_workshop_timer_is_running (PwWorkshop    *self);
void         pw_workshop_timer_start      (PwWorkshop    *self,
                                           gint64         now);
void         pw_workshop_timer_pause      (PwWorkshop    *self,
                                           gint64         now);
void         pw_workshop_timer_reset      (PwWorkshop    *self);
/* Seconds left on the current item; negative once it overruns. */
gint64       pw_workshop_timer_remaining  (PwWorkshop    *self,
                                           gint64         now);

const char  *pw_workshop_get_note         (PwWorkshop    *self,
                                           const char    *item_id);
gboolean     pw_workshop_set_note         (PwWorkshop    *self,
                                           const char    *item_id,
                                           const char    *text,
                                           GError       **error);

/* Decisions, written straight into the programme and its rules. */
gboolean     pw_workshop_set_field        (PwWorkshop    *self,
                                           const char    *field,
                                           const char    *value,
                                           GError       **error);
gboolean     pw_workshop_add_rule         (PwWorkshop    *self,
                                           PwRuleSet      set,
                                           const char    *text,
                                           GError       **error);
/* The reverse preset: grade rules for both sets, and the programme made a
 * reverse one whose mentors are junior to their mentees. */
gboolean     pw_workshop_apply_reverse_preset (PwWorkshop *self,
                                           const char    *mentor_max_grade,
                                           const char    *mentee_min_grade,
                                           GError       **error);
gboolean     pw_workshop_set_weight       (PwWorkshop    *self,
                                           PwCriterion    criterion,
                                           int            weight,
                                           GError       **error);

/* The self-assessment: @ratings holds PW_N_COMPETENCIES values, 1–5, or
 * 0 for a competency left out. Only the counts of each rating are kept:
 * no name, no time, no order of answers. */
typedef struct
{
  guint    answers;      /* how many rated it */
  double   mean;         /* 0 while suppressed */
  guint    counts[5];    /* of ratings 1–5; zeros while suppressed */
  gboolean suppressed;   /* fewer than PW_WORKSHOP_MIN_ANSWERS */
} PwCompetencySummary;

gboolean     pw_workshop_add_assessment   (PwWorkshop    *self,
                                           const int     *ratings,
                                           GError       **error);
guint        pw_workshop_get_respondents  (PwWorkshop    *self);
void         pw_workshop_get_aggregate    (PwWorkshop    *self,
                                           PwCompetency   competency,
                                           PwCompetencySummary *out);
gboolean     pw_workshop_clear_assessments (PwWorkshop   *self,
                                           GError       **error);

G_END_DECLS
