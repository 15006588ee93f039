/* pw-person-private.h — the field table behind PwPerson, for the core
 * (the repository, the importers and exporters) and its tests
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pw-person.h"

G_BEGIN_DECLS

typedef enum
{
  PW_PERSON_FIELD_NAME,
  PW_PERSON_FIELD_EMAIL,
  PW_PERSON_FIELD_JOB_TITLE,
  PW_PERSON_FIELD_DEPARTMENT,
  PW_PERSON_FIELD_LOCATION,
  PW_PERSON_FIELD_DISCIPLINE,
  PW_PERSON_FIELD_STAFF_GROUP,
  PW_PERSON_FIELD_BACKGROUND,
  PW_PERSON_FIELD_GRADE,
  PW_PERSON_FIELD_ROLE_START,
  PW_PERSON_FIELD_ORG_START,
  PW_PERSON_FIELD_RESPONSIBILITIES,
  PW_PERSON_FIELD_MANAGER_NAME,
  PW_PERSON_FIELD_MANAGER_EMAIL,
  PW_PERSON_FIELD_ROLE_WANTED,
  PW_PERSON_FIELD_STRENGTHS,
  PW_PERSON_FIELD_DEVELOPMENT_AREAS,
  PW_PERSON_FIELD_CHALLENGES,
  PW_PERSON_FIELD_EXPERIENCES,
  PW_PERSON_FIELD_IDEAL_RELATIONSHIP,
  PW_PERSON_FIELD_SELF_DESCRIPTION,
  PW_PERSON_FIELD_THREE_YEARS,
  PW_PERSON_FIELD_PASSIONS,
  PW_PERSON_FIELD_WORK_LIFE_BALANCE,
  PW_PERSON_FIELD_PREFERRED_CONTACT,
  PW_PERSON_FIELD_HOURS_PER_MONTH,
  PW_PERSON_FIELD_TIME_AVAILABLE,
  PW_PERSON_FIELD_CAPACITY,
  PW_PERSON_FIELD_REVERSE_MEANING,
  PW_PERSON_FIELD_TOPICS_OFFERED,
  PW_PERSON_FIELD_TOPICS_WANTED,
  PW_PERSON_FIELD_AGE_BAND,
  PW_PERSON_FIELD_GENDER,
  PW_PERSON_FIELD_ETHNICITY,
  PW_PERSON_FIELD_DISABILITY,
  PW_PERSON_FIELD_TARGET_GROUP,
  PW_PERSON_N_FIELDS
} PwPersonFieldId;

typedef enum
{
  PW_FIELD_TEXT,
  PW_FIELD_DATE,     /* YYYY-MM-DD or empty */
  PW_FIELD_NUMBER,   /* a non-negative int */
  PW_FIELD_ROLE,     /* PwRole */
  PW_FIELD_CONTACT,  /* PwContactForm flags */
  PW_FIELD_TOPICS,   /* a list of tags */
} PwFieldKind;

typedef enum
{
  PW_SECTION_POSITION,
  PW_SECTION_OBJECTIVES,
  PW_SECTION_ABOUT,
  PW_SECTION_TOGETHER,
  PW_SECTION_SENSITIVE,
} PwPersonSection;

typedef struct
{
  const char      *name;       /* property name, with dashes */
  PwFieldKind      kind;
  PwPersonSection  section;
  gboolean         sensitive;
  const char      *label;      /* N_() marked; translate with _() */
} PwPersonFieldInfo;

#define PW_PERSON_CAPACITY_MAX 20
#define PW_PERSON_HOURS_MAX    200

extern const PwPersonFieldInfo pw_person_fields [PW_PERSON_N_FIELDS];

int          pw_person_field_index    (const char      *field);
const char  *pw_person_get_text       (PwPerson        *self,
                                       PwPersonFieldId  field);
int          pw_person_get_number     (PwPerson        *self,
                                       PwPersonFieldId  field);
void         pw_person_set_uuid       (PwPerson        *self,
                                       const char      *uuid);
void         pw_person_set_manager_id (PwPerson        *self,
                                       gint64           manager_id);

/* For the repository: fill a new object without notifying. */
void         pw_person_load_identity  (PwPerson        *self,
                                       gint64           id,
                                       const char      *uuid,
                                       gint64           manager_id);
void         pw_person_load_text      (PwPerson        *self,
                                       PwPersonFieldId  field,
                                       const char      *value);
void         pw_person_load_number    (PwPerson        *self,
                                       PwPersonFieldId  field,
                                       int              value);
void         pw_person_load_topics    (PwPerson        *self,
                                       PwPersonFieldId  field,
                                       GStrv            topics);
void         pw_person_load_done      (PwPerson        *self);

G_END_DECLS
