/* pw-person.h — a person in the directory and their questionnaire
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "pw-programme.h"
#include "pw-types.h"

G_BEGIN_DECLS

typedef enum
{
  PW_ROLE_EITHER,  /*< nick=either >*/
  PW_ROLE_MENTOR,  /*< nick=mentor >*/
  PW_ROLE_MENTEE,  /*< nick=mentee >*/
} PwRole;

#define PW_PERSON_ERROR (pw_person_error_quark ())

typedef enum
{
  PW_PERSON_ERROR_NAME_REQUIRED,
  PW_PERSON_ERROR_EMAIL_REQUIRED,
  PW_PERSON_ERROR_EMAIL_INVALID,
  PW_PERSON_ERROR_INVALID_DATE,
  PW_PERSON_ERROR_OUT_OF_RANGE,
  PW_PERSON_ERROR_UNKNOWN_FIELD,
  PW_PERSON_ERROR_INVALID_VALUE,
  PW_PERSON_ERROR_SELF_MANAGER,
} PwPersonError;

#define PW_TYPE_PERSON (pw_person_get_type ())
G_DECLARE_FINAL_TYPE (PwPerson, pw_person, PW, PERSON, GObject)

/*
 * The fields of a person. Every one is a GObject property of the same name
 * (dashes) and a JSON member / CSV field (underscores):
 *
 * Position:            name, email, job-title, department, location,
 *                      discipline, staff-group, background,
 *                      grade (a name on the grade scale),
 *                      role-start (date started in role), org-start (date
 *                      joined the organisation), responsibilities,
 *                      manager-id (in the directory, 0 for none), or
 *                      manager-name + manager-email (outside it)
 * Objectives and experiences:
 *                      role-wanted, strengths, development-areas,
 *                      challenges, experiences, ideal-relationship
 * About you:           self-description, three-years, passions,
 *                      work-life-balance, preferred-contact (flags)
 * Putting it together: hours-per-month, time-available, capacity,
 *                      reverse-meaning, topics-offered, topics-wanted
 * Sensitive (shown only where the programme turns them on; never exported
 * unless asked): age-band, gender, ethnicity, disability, target-group
 * (a positive-action target group)
 */

GQuark              pw_person_error_quark        (void);
PwPerson           *pw_person_new                (const char   *name,
                                                  const char   *email);
PwPerson           *pw_person_copy               (PwPerson     *self);

gint64              pw_person_get_id             (PwPerson     *self);
void                pw_person_set_id             (PwPerson     *self,
                                                  gint64        id);
const char         *pw_person_get_uuid           (PwPerson     *self);
const char         *pw_person_get_name           (PwPerson     *self);
const char         *pw_person_get_email          (PwPerson     *self);
const char         *pw_person_get_job_title      (PwPerson     *self);
const char         *pw_person_get_department     (PwPerson     *self);
const char         *pw_person_get_grade          (PwPerson     *self);
PwRole              pw_person_get_role_wanted    (PwPerson     *self);
gint64              pw_person_get_manager_id     (PwPerson     *self);
int                 pw_person_get_capacity       (PwPerson     *self);
int                 pw_person_get_hours_per_month (PwPerson    *self);
const char * const *pw_person_get_topics_offered (PwPerson     *self);
const char * const *pw_person_get_topics_wanted  (PwPerson     *self);

/* Any field by name (dashes or underscores), as text: the CSV importer,
 * the CLI and the JSON bundle share this. Enums by nick, flags and topic
 * lists separated by commas (or semicolons). Validates before setting;
 * nothing changes on failure. */
gboolean            pw_person_set_field          (PwPerson     *self,
                                                  const char   *field,
                                                  const char   *value,
                                                  GError      **error);
char               *pw_person_get_field          (PwPerson     *self,
                                                  const char   *field);
const char * const *pw_person_list_fields        (void);
gboolean            pw_person_field_is_sensitive (const char   *field);
const char         *pw_person_field_label        (const char   *field);

gboolean            pw_person_check_email        (const char   *email,
                                                  GError      **error);
gboolean            pw_person_validate           (PwPerson     *self,
                                                  GError      **error);

/* @with_sensitive: include the sensitive characteristics */
JsonNode           *pw_person_to_json            (PwPerson     *self,
                                                  gboolean      with_sensitive);
PwPerson           *pw_person_new_from_json      (JsonNode     *node,
                                                  GError      **error);

/* Case-insensitive text used by search-as-you-type: name, email,
 * department and job title, casefolded once. */
const char         *pw_person_get_search_key     (PwPerson     *self);

G_END_DECLS
