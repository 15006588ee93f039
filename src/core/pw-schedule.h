/* pw-schedule.h — planning a pair's year, the meeting log, attention
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "pw-meeting.h"
#include "pw-pair-progress.h"
#include "pw-store.h"

G_BEGIN_DECLS

#define PW_SCHEDULE_ERROR (pw_schedule_error_quark ())

typedef enum
{
  PW_SCHEDULE_ERROR_INVALID,      /* a value is wrong; the message says which and why */
  PW_SCHEDULE_ERROR_NOT_FOUND,    /* no such pair, meeting or programme */
  PW_SCHEDULE_ERROR_STATE,        /* the pair or meeting does not allow this */
  PW_SCHEDULE_ERROR_UNREACHABLE,  /* strict planning: the cadence cannot reach the target */
} PwScheduleError;

GQuark pw_schedule_error_quark (void);

/* Warnings do not stop a change; they say what looks wrong and what to do. */
typedef enum
{
  PW_SCHEDULE_WARNING_TARGET_UNREACHABLE,  /* the plan holds fewer significant discussions than the target */
  PW_SCHEDULE_WARNING_NOTHING_TO_PLAN,     /* the programme is over before the pair could meet */
  PW_SCHEDULE_WARNING_OUTSIDE_PROGRAMME,   /* a meeting before the start or after the end date */
  PW_SCHEDULE_WARNING_NOT_WORKING_DAY,     /* a weekend or one of the programme's closure days */
} PwScheduleWarningCode;

typedef struct
{
  PwScheduleWarningCode  code;
  char                  *message;
} PwScheduleWarning;

void pw_schedule_warning_free (PwScheduleWarning *warning);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PwScheduleWarning, pw_schedule_warning_free)

/* A pair that has not met for more than this many days needs attention. */
#define PW_SCHEDULE_SILENCE_DAYS 42
/* Minutes set aside for the first-contact deadline in a calendar. */
#define PW_SCHEDULE_FIRST_CONTACT_MINUTES 15

/* Scheduling setup of one programme, beside the programme's own cadence. */
typedef struct
{
  char *tzid;              /* an IANA zone ("Europe/London"); "" = the computer's zone */
  char *meeting_time;      /* "HH:MM", when planned meetings start */
  int   kickoff_minutes;
  int   closing_minutes;
} PwScheduleSettings;

void        pw_schedule_settings_clear  (PwScheduleSettings  *settings);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (PwScheduleSettings, pw_schedule_settings_clear)
gboolean    pw_schedule_settings_load   (PwStore             *store,
                                         gint64               programme_id,
                                         PwScheduleSettings  *settings,
                                         GError             **error);
/* Validates (known zone, a real time, lengths 15–480) before saving. A
 * new zone takes the programme's meetings with it, at the same wall-clock
 * times. */
gboolean    pw_schedule_settings_save   (PwStore             *store,
                                         gint64               programme_id,
                                         const PwScheduleSettings *settings,
                                         GError             **error);
/* (transfer full): the programme's zone, never NULL */
GTimeZone  *pw_schedule_get_timezone    (PwStore             *store,
                                         gint64               programme_id);

/* Closure days (YYYY-MM-DD): no meeting is planned on them. */
GStrv       pw_schedule_closures_get    (PwStore             *store,
                                         gint64               programme_id,
                                         GError             **error);
gboolean    pw_schedule_closure_add     (PwStore             *store,
                                         gint64               programme_id,
                                         const char          *iso_date,
                                         const char          *label,
                                         GError             **error);
gboolean    pw_schedule_closure_remove  (PwStore             *store,
                                         gint64               programme_id,
                                         const char          *iso_date,
                                         GError             **error);
/* (transfer full): the closure day's label ("" when it has none), or
 * %NULL with PW_SCHEDULE_ERROR_NOT_FOUND when @iso_date is not one. */
char       *pw_schedule_closure_get_label (PwStore           *store,
                                         gint64               programme_id,
                                         const char          *iso_date,
                                         GError             **error);

/* Planning. */
typedef enum
{
  PW_SCHEDULE_PLAN_NONE    = 0,
  PW_SCHEDULE_PLAN_STRICT  = 1 << 0,  /* an unreachable target is an error, not a warning */
  PW_SCHEDULE_PLAN_REPLACE = 1 << 1,  /* drop the pair's meetings not yet logged, plan again */
} PwSchedulePlanFlags;

/* Plans the year of an approved or active pair from its approval date:
 * the first-contact deadline, the first meeting, meetings at the cadence
 * until the end date, and the programme's kick-off and closing sessions if
 * they are not planned yet. Never fails for a short plan (that shows as
 * PW_ATTENTION_PLAN_SHORT); does nothing if the pair already has a plan.
 * Joins the caller's transaction. Called by pw_pair_approve(). */
gboolean    pw_schedule_plan_pair       (PwStore             *store,
                                         gint64               pair_id,
                                         GError             **error);
/**
 * pw_schedule_plan_pair_full:
 * @from: (nullable): plan as if approved on this date (YYYY-MM-DD);
 *   %NULL for the pair's approval date
 * @warnings: (out) (optional) (element-type PwScheduleWarning): what the
 *   plan falls short of, in words
 */
gboolean    pw_schedule_plan_pair_full  (PwStore             *store,
                                         gint64               pair_id,
                                         const char          *from,
                                         PwSchedulePlanFlags  flags,
                                         GPtrArray          **warnings,
                                         GError             **error);
/* Whether a pair approved on @from (NULL: the programme's start) could
 * reach the programme's target at its cadence; nothing is written.
 * Returns FALSE with PW_SCHEDULE_ERROR_UNREACHABLE and the explanation. */
gboolean    pw_schedule_check_cadence   (PwStore             *store,
                                         gint64               programme_id,
                                         const char          *from,
                                         GError             **error);

/* Meetings. Lists are GListModels of PwMeeting ordered by start. */
/* @pair_id 0: every meeting of the programme and its sessions; otherwise
 * the pair's meetings and the programme's sessions. */
GListModel *pw_schedule_list            (PwStore             *store,
                                         gint64               programme_id,
                                         gint64               pair_id,
                                         GError             **error);
PwMeeting  *pw_schedule_get             (PwStore             *store,
                                         gint64               meeting_id,
                                         GError             **error);
/* Saves a new meeting for pw_meeting_get_pair_id() (a pair meeting) or, for
 * kick-off and closing, for @programme_id. Its start moves into the
 * programme's zone, keeping the instant. Sets its id and uid. */
gboolean    pw_schedule_add             (PwStore             *store,
                                         gint64               programme_id,
                                         PwMeeting           *meeting,
                                         GPtrArray          **warnings,
                                         GError             **error);
/* Saves the place, link, agenda, contact form and length of @meeting. */
gboolean    pw_schedule_update          (PwStore             *store,
                                         PwMeeting           *meeting,
                                         GError             **error);
/* Moves a meeting; @start is read in the meeting's zone if it has another.
 * Outside the programme's dates or on a closure day or weekend is allowed,
 * with a warning. */
gboolean    pw_schedule_move            (PwStore             *store,
                                         gint64               meeting_id,
                                         GDateTime           *start,
                                         GPtrArray          **warnings,
                                         GError             **error);
/* Logs a meeting: held (with its real length, > 0), missed, cancelled, or
 * back to planned. @held_minutes is ignored unless @status is held. */
gboolean    pw_schedule_log             (PwStore             *store,
                                         gint64               meeting_id,
                                         PwMeetingStatus      status,
                                         int                  held_minutes,
                                         GError             **error);

/* Progress and attention, as of @now (%NULL: the current time). */
PwPairProgress *pw_schedule_pair_progress (PwStore           *store,
                                         gint64               pair_id,
                                         GDateTime           *now,
                                         GError             **error);
/* A GListModel of PwPairProgress for the approved and active pairs. */
GListModel *pw_schedule_progress_list   (PwStore             *store,
                                         gint64               programme_id,
                                         GDateTime           *now,
                                         GError             **error);
/* Only the pairs that need attention. */
GListModel *pw_schedule_attention       (PwStore             *store,
                                         gint64               programme_id,
                                         GDateTime           *now,
                                         GError             **error);

G_END_DECLS
