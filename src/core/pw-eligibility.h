/* pw-eligibility.h — who may be a mentee and who a mentor, and why
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "pw-person.h"
#include "pw-store.h"

G_BEGIN_DECLS

typedef enum
{
  PW_RULE_SET_MENTEE, /*< nick=mentee >*/
  PW_RULE_SET_MENTOR, /*< nick=mentor >*/
} PwRuleSet;

typedef enum
{
  PW_RULE_GRADE,           /*< nick=grade >*/           /* at-most / at-least / between */
  PW_RULE_DEPARTMENT,      /*< nick=department >*/      /* in / not-in */
  PW_RULE_ORG_MONTHS,      /*< nick=org-months >*/      /* at-least / at-most N months */
  PW_RULE_ROLE_MONTHS,     /*< nick=role-months >*/     /* at-least / at-most N months */
  PW_RULE_ROLE_WANTED,     /*< nick=role-wanted >*/     /* in (mentor, mentee, either) */
  PW_RULE_TOPICS_OFFERED,  /*< nick=topics-offered >*/  /* any / all */
  PW_RULE_TOPICS_WANTED,   /*< nick=topics-wanted >*/   /* any / all */
  PW_RULE_STAFF_GROUP,     /*< nick=staff-group >*/     /* in / not-in */
  PW_RULE_CHARACTERISTIC,  /*< nick=characteristic >*/  /* in: a sensitive field's values,
                                                          * e.g. the positive-action target group */
  PW_RULE_HOURS,           /*< nick=hours >*/           /* at-least N a month */
  PW_RULE_ANSWERED,        /*< nick=answered >*/        /* a questionnaire field is given */
} PwRuleKind;

typedef enum
{
  PW_RULE_OP_AT_LEAST, /*< nick=at-least >*/
  PW_RULE_OP_AT_MOST,  /*< nick=at-most >*/
  PW_RULE_OP_BETWEEN,  /*< nick=between >*/
  PW_RULE_OP_IN,       /*< nick=in >*/
  PW_RULE_OP_NOT_IN,   /*< nick=not-in >*/
  PW_RULE_OP_ANY,      /*< nick=any >*/
  PW_RULE_OP_ALL,      /*< nick=all >*/
  PW_RULE_OP_GIVEN,    /*< nick=given >*/
} PwRuleOp;

#define PW_ELIGIBILITY_ERROR (pw_eligibility_error_quark ())

typedef enum
{
  PW_ELIGIBILITY_ERROR_INVALID,
  PW_ELIGIBILITY_ERROR_JUSTIFICATION_REQUIRED,
} PwEligibilityError;

GQuark pw_eligibility_error_quark (void);

/* One condition. Rules with the same non-zero group in a set form an
 * "any of" group; every top-level rule and group must hold. */
typedef struct
{
  gint64      id;
  PwRuleSet   set;
  guint       group;     /* 0: on its own; n > 0: any-of group n */
  PwRuleKind  kind;
  PwRuleOp    op;
  char       *field;     /* CHARACTERISTIC / ANSWERED: a person field */
  GStrv       values;    /* grades (1 or 2), departments, topics, roles */
  int         number;    /* months or hours */
} PwRule;

PwRule     *pw_rule_new            (PwRuleSet      set,
                                    PwRuleKind     kind,
                                    PwRuleOp       op);
PwRule     *pw_rule_copy           (const PwRule  *rule);
void        pw_rule_free           (PwRule        *rule);
/* Plain words: "grade at least Band 6", "department not Finance, Legal" */
char       *pw_rule_describe       (const PwRule  *rule);
/* Parses the CLI's compact form: "grade at-least Band 6",
 * "department not-in Finance,Legal", "org-months at-least 12",
 * "topics-offered any Social media,AI", "answered strengths". */
PwRule     *pw_rule_parse          (PwRuleSet      set,
                                    const char    *text,
                                    GError       **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PwRule, pw_rule_free)

/* A programme's rules, loaded once and evaluated for many people. */
typedef struct _PwEligibility PwEligibility;

typedef struct
{
  gboolean    mentee;          /* final verdict, after any override */
  gboolean    mentor;
  gboolean    mentee_by_rules;
  gboolean    mentor_by_rules;
  gboolean    mentee_overridden;
  gboolean    mentor_overridden;
  GPtrArray  *mentee_reasons;  /* char *, plain words; why not (or the override) */
  GPtrArray  *mentor_reasons;
} PwVerdict;

void           pw_verdict_clear          (PwVerdict      *verdict);

PwEligibility *pw_eligibility_load       (PwStore        *store,
                                          gint64          programme_id,
                                          GError        **error);
PwEligibility *pw_eligibility_new        (GStrv           grade_scale,
                                          gboolean        sensitive_enabled,
                                          const char     *today);
void           pw_eligibility_free       (PwEligibility  *self);
void           pw_eligibility_add_rule   (PwEligibility  *self,
                                          const PwRule   *rule);
GPtrArray     *pw_eligibility_get_rules  (PwEligibility  *self);
/* Why a rule can admit nobody (a minimum above a maximum…), or NULL. */
const char    *pw_eligibility_rule_problem (PwEligibility *self,
                                          guint           index);
void           pw_eligibility_set_override (PwEligibility *self,
                                          gint64          person_id,
                                          PwRuleSet       set,
                                          gboolean        eligible,
                                          const char     *justification);
void           pw_eligibility_evaluate   (PwEligibility  *self,
                                          PwPerson       *person,
                                          PwVerdict      *verdict);

void           pw_eligibility_decide     (PwEligibility  *self,
                                          PwPerson       *person,
                                          gboolean       *mentee,
                                          gboolean       *mentor);

typedef struct
{
  guint  enrolled;
  guint  mentees;            /* eligible as mentee */
  guint  mentors;            /* eligible as mentor */
  guint  both;               /* eligible as both */
  guint  mentor_capacity;    /* sum of eligible mentors' capacities */
  guint  mentees_unmatchable;/* eligible mentees beyond that capacity */
} PwEligibilitySummary;

/* People who may be both count once on each side; the unmatchable figure
 * is the mentees a full use of every mentor's capacity cannot reach. */
void           pw_eligibility_summarise  (PwEligibility        *self,
                                          GListModel           *people,
                                          PwEligibilitySummary *summary);

typedef struct
{
  gint64     person_id;
  PwRuleSet  set;
  gboolean   eligible;
  char      *justification;
  char      *created;
} PwOverride;

/* (element-type PwOverride) (transfer none) */
GPtrArray     *pw_eligibility_get_overrides (PwEligibility *self);

/* Stored rules and overrides; each call is one transaction. */
gboolean    pw_eligibility_add_rule_to_store    (PwStore        *store,
                                                 gint64          programme_id,
                                                 PwRule         *rule,
                                                 GError        **error);
gboolean    pw_eligibility_remove_rule          (PwStore        *store,
                                                 gint64          rule_id,
                                                 GError        **error);
gboolean    pw_eligibility_apply_reverse_preset (PwStore        *store,
                                                 gint64          programme_id,
                                                 const char     *mentor_max_grade,
                                                 const char     *mentee_min_grade,
                                                 GError        **error);
gboolean    pw_eligibility_override             (PwStore        *store,
                                                 gint64          programme_id,
                                                 gint64          person_id,
                                                 PwRuleSet       set,
                                                 gboolean        eligible,
                                                 const char     *justification,
                                                 GError        **error);
gboolean    pw_eligibility_clear_override       (PwStore        *store,
                                                 gint64          programme_id,
                                                 gint64          person_id,
                                                 PwRuleSet       set,
                                                 GError        **error);

G_END_DECLS
