/* pw-programme.h — a mentoring programme and its setup
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "pw-types.h"

G_BEGIN_DECLS

typedef enum
{
  PW_PROGRAMME_KIND_REVERSE,      /*< nick=reverse >*/
  PW_PROGRAMME_KIND_TRADITIONAL,  /*< nick=traditional >*/
  PW_PROGRAMME_KIND_PEER,         /*< nick=peer >*/
} PwProgrammeKind;

/* Stored as an integer: never renumber, only append. */
typedef enum /*< flags >*/
{
  PW_PURPOSE_NONE                = 0,        /*< skip >*/
  PW_PURPOSE_BRIDGE_GENERATIONS  = 1 << 0,   /*< nick=bridge-generations >*/
  PW_PURPOSE_DIGITAL_SKILLS      = 1 << 1,   /*< nick=digital-skills >*/
  PW_PURPOSE_DIVERSITY_INCLUSION = 1 << 2,   /*< nick=diversity-inclusion >*/
  PW_PURPOSE_INNOVATION          = 1 << 3,   /*< nick=innovation >*/
  PW_PURPOSE_RETENTION           = 1 << 4,   /*< nick=retention >*/
  PW_PURPOSE_CULTURE             = 1 << 5,   /*< nick=culture >*/
} PwPurpose;

typedef enum /*< flags >*/
{
  PW_SCOPE_NONE               = 0,      /*< skip >*/
  PW_SCOPE_CURRENT_ROLE       = 1 << 0, /*< nick=current-role >*/
  PW_SCOPE_CAREER_DEVELOPMENT = 1 << 1, /*< nick=career-development >*/
  PW_SCOPE_FUTURE_GOAL        = 1 << 2, /*< nick=future-goal >*/
} PwScope;

typedef enum /*< flags >*/
{
  PW_CONTACT_NONE      = 0,      /*< skip >*/
  PW_CONTACT_IN_PERSON = 1 << 0, /*< nick=in-person >*/
  PW_CONTACT_VIDEO     = 1 << 1, /*< nick=video >*/
  PW_CONTACT_PHONE     = 1 << 2, /*< nick=phone >*/
  PW_CONTACT_EMAIL     = 1 << 3, /*< nick=email >*/
} PwContactForm;

/* Programme-level rules for a pair, used by matching and set beside the
 * eligibility rules. */
typedef enum
{
  PW_PAIR_SENIORITY_ANY,          /*< nick=any >*/
  PW_PAIR_SENIORITY_SENIOR,       /*< nick=senior >*/       /* mentor above the mentee in grade */
  PW_PAIR_SENIORITY_EXPERIENCED,  /*< nick=experienced >*/  /* same grade, more time in role */
  PW_PAIR_SENIORITY_JUNIOR,       /*< nick=junior >*/       /* reverse: mentor below the mentee */
} PwPairSeniority;

typedef enum
{
  PW_PAIR_DISCIPLINE_EITHER,    /*< nick=either >*/
  PW_PAIR_DISCIPLINE_SAME,      /*< nick=same >*/
  PW_PAIR_DISCIPLINE_DIFFERENT, /*< nick=different >*/
} PwPairDiscipline;

#define PW_CONTACT_ALL (PW_CONTACT_IN_PERSON | PW_CONTACT_VIDEO | PW_CONTACT_PHONE | PW_CONTACT_EMAIL)

#define PW_PROGRAMME_ERROR (pw_programme_error_quark ())

typedef enum
{
  PW_PROGRAMME_ERROR_NAME_REQUIRED,
  PW_PROGRAMME_ERROR_INVALID_DATE,
  PW_PROGRAMME_ERROR_END_BEFORE_START,
  PW_PROGRAMME_ERROR_MEETINGS_PER_MONTH,
  PW_PROGRAMME_ERROR_MEETING_MINUTES,
  PW_PROGRAMME_ERROR_OUT_OF_RANGE,
  PW_PROGRAMME_ERROR_UNKNOWN_FIELD,
  PW_PROGRAMME_ERROR_INVALID_VALUE,
} PwProgrammeError;

/* Limits a coordinator can choose within. */
#define PW_MEETINGS_PER_MONTH_MIN 1
#define PW_MEETINGS_PER_MONTH_MAX 8
#define PW_MEETING_MINUTES_MIN    15
#define PW_MEETING_MINUTES_MAX    240

#define PW_TYPE_PROGRAMME (pw_programme_get_type ())
G_DECLARE_FINAL_TYPE (PwProgramme, pw_programme, PW, PROGRAMME, GObject)

GQuark              pw_programme_error_quark           (void);
PwProgramme        *pw_programme_new                   (const char          *name);
PwProgramme        *pw_programme_copy_setup            (PwProgramme         *self);

gint64              pw_programme_get_id                (PwProgramme         *self);
void                pw_programme_set_id                (PwProgramme         *self,
                                                        gint64               id);
const char         *pw_programme_get_uuid              (PwProgramme         *self);
void                pw_programme_set_uuid              (PwProgramme         *self,
                                                        const char          *uuid);
const char         *pw_programme_get_name              (PwProgramme         *self);
void                pw_programme_set_name              (PwProgramme         *self,
                                                        const char          *name);
PwProgrammeKind     pw_programme_get_kind              (PwProgramme         *self);
void                pw_programme_set_kind              (PwProgramme         *self,
                                                        PwProgrammeKind      kind);
PwPurpose           pw_programme_get_purposes          (PwProgramme         *self);
void                pw_programme_set_purposes          (PwProgramme         *self,
                                                        PwPurpose            purposes);
const char         *pw_programme_get_purpose_other     (PwProgramme         *self);
void                pw_programme_set_purpose_other     (PwProgramme         *self,
                                                        const char          *text);
const char * const *pw_programme_get_goals             (PwProgramme         *self);
void                pw_programme_set_goals             (PwProgramme         *self,
                                                        const char * const  *goals);
const char         *pw_programme_get_target_audience   (PwProgramme         *self);
void                pw_programme_set_target_audience   (PwProgramme         *self,
                                                        const char          *text);
PwScope             pw_programme_get_scope             (PwProgramme         *self);
void                pw_programme_set_scope             (PwProgramme         *self,
                                                        PwScope              scope);
int                 pw_programme_get_expected_demand   (PwProgramme         *self);
void                pw_programme_set_expected_demand   (PwProgramme         *self,
                                                        int                  demand);
const char         *pw_programme_get_start_date        (PwProgramme         *self);
void                pw_programme_set_start_date        (PwProgramme         *self,
                                                        const char          *iso_date);
const char         *pw_programme_get_end_date          (PwProgramme         *self);
void                pw_programme_set_end_date          (PwProgramme         *self,
                                                        const char          *iso_date);
int                 pw_programme_get_meetings_per_month (PwProgramme        *self);
void                pw_programme_set_meetings_per_month (PwProgramme        *self,
                                                        int                  n);
int                 pw_programme_get_meeting_minutes   (PwProgramme         *self);
void                pw_programme_set_meeting_minutes   (PwProgramme         *self,
                                                        int                  minutes);
int                 pw_programme_get_min_discussions   (PwProgramme         *self);
void                pw_programme_set_min_discussions   (PwProgramme         *self,
                                                        int                  n);
int                 pw_programme_get_discussion_minutes (PwProgramme        *self);
void                pw_programme_set_discussion_minutes (PwProgramme        *self,
                                                        int                  minutes);
int                 pw_programme_get_first_contact_days (PwProgramme        *self);
void                pw_programme_set_first_contact_days (PwProgramme        *self,
                                                        int                  days);
PwContactForm       pw_programme_get_contact_forms     (PwProgramme         *self);
void                pw_programme_set_contact_forms     (PwProgramme         *self,
                                                        PwContactForm        forms);
const char         *pw_programme_get_code_of_conduct   (PwProgramme         *self);
void                pw_programme_set_code_of_conduct   (PwProgramme         *self,
                                                        const char          *text);
const char         *pw_programme_get_confidentiality   (PwProgramme         *self);
void                pw_programme_set_confidentiality   (PwProgramme         *self,
                                                        const char          *text);
const char         *pw_programme_get_concerns          (PwProgramme         *self);
void                pw_programme_set_concerns          (PwProgramme         *self,
                                                        const char          *text);
int                 pw_programme_get_protected_hours   (PwProgramme         *self);
void                pw_programme_set_protected_hours   (PwProgramme         *self,
                                                        int                  hours);
const char         *pw_programme_get_recognition       (PwProgramme         *self);
void                pw_programme_set_recognition       (PwProgramme         *self,
                                                        const char          *text);
const char         *pw_programme_get_peer_support      (PwProgramme         *self);
void                pw_programme_set_peer_support      (PwProgramme         *self,
                                                        const char          *text);
PwPairSeniority     pw_programme_get_pair_seniority    (PwProgramme         *self);
void                pw_programme_set_pair_seniority    (PwProgramme         *self,
                                                        PwPairSeniority      seniority);
PwPairDiscipline    pw_programme_get_pair_discipline   (PwProgramme         *self);
void                pw_programme_set_pair_discipline   (PwProgramme         *self,
                                                        PwPairDiscipline     discipline);
gboolean            pw_programme_get_sensitive_enabled (PwProgramme         *self);
void                pw_programme_set_sensitive_enabled (PwProgramme         *self,
                                                        gboolean             enabled);

/* Validation: each checker explains what is wrong and what to do. */
gboolean            pw_programme_check_name            (const char          *name,
                                                        GError             **error);
gboolean            pw_programme_check_date            (const char          *field,
                                                        const char          *iso_date,
                                                        GError             **error);
gboolean            pw_programme_check_dates           (const char          *start,
                                                        const char          *end,
                                                        GError             **error);
gboolean            pw_programme_check_meetings_per_month (int               n,
                                                        GError             **error);
gboolean            pw_programme_check_meeting_minutes (int                  minutes,
                                                        GError             **error);
gboolean            pw_programme_validate              (PwProgramme         *self,
                                                        GError             **error);

/* Text form of any setup field, as used by the CLI (--FIELD VALUE) and the
 * JSON bundle: enums by nick, flags as comma-separated nicks, goals as a
 * JSON-free list separated by newlines. Validates before setting. */
gboolean            pw_programme_set_field_from_string (PwProgramme         *self,
                                                        const char          *field,
                                                        const char          *value,
                                                        GError             **error);
const char * const *pw_programme_list_fields           (void);

JsonNode           *pw_programme_to_json               (PwProgramme         *self);
PwProgramme        *pw_programme_new_from_json         (JsonNode            *node,
                                                        GError             **error);

/* Date helpers for the ISO 8601 calendar dates the programme uses. */
GDate              *pw_date_parse                      (const char          *iso_date);
char               *pw_date_format                     (const GDate         *date);
char               *pw_date_today                      (void);
char               *pw_date_add_months                 (const char          *iso_date,
                                                        int                  months);

G_END_DECLS
