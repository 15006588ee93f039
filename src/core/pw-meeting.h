/* pw-meeting.h — one meeting of a pair, or one of the programme's sessions
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "pw-programme.h"

G_BEGIN_DECLS

/* Stored by nick: never rename a nick. */
typedef enum
{
  PW_MEETING_FIRST_CONTACT,  /*< nick=first-contact >*/  /* the deadline for the mentor's first contact */
  PW_MEETING_FIRST_MEETING,  /*< nick=first-meeting >*/  /* expectations, the agreement, the learning cycle */
  PW_MEETING_REGULAR,        /*< nick=regular >*/
  PW_MEETING_KICK_OFF,       /*< nick=kick-off >*/       /* the programme's workshop, shared by all pairs */
  PW_MEETING_CLOSING,        /*< nick=closing >*/        /* the programme's closing session */
} PwMeetingKind;

typedef enum
{
  PW_MEETING_PLANNED,    /*< nick=planned >*/
  PW_MEETING_HELD,       /*< nick=held >*/
  PW_MEETING_MISSED,     /*< nick=missed >*/
  PW_MEETING_CANCELLED,  /*< nick=cancelled >*/
} PwMeetingStatus;

#define PW_TYPE_MEETING_KIND   (pw_meeting_kind_get_type ())
#define PW_TYPE_MEETING_STATUS (pw_meeting_status_get_type ())

GType            pw_meeting_kind_get_type     (void) G_GNUC_CONST;
GType            pw_meeting_status_get_type   (void) G_GNUC_CONST;

const char      *pw_meeting_kind_to_nick      (PwMeetingKind    kind);
gboolean         pw_meeting_kind_from_nick    (const char      *nick,
                                               PwMeetingKind   *out);
const char      *pw_meeting_kind_label        (PwMeetingKind    kind);
const char      *pw_meeting_status_to_nick    (PwMeetingStatus  status);
gboolean         pw_meeting_status_from_nick  (const char      *nick,
                                               PwMeetingStatus *out);
const char      *pw_meeting_status_label      (PwMeetingStatus  status);
/* One contact form (a single flag) ↔ its nick; "" for PW_CONTACT_NONE. */
const char      *pw_contact_form_to_nick      (PwContactForm    form);
gboolean         pw_contact_form_from_nick    (const char      *nick,
                                               PwContactForm   *out);

#define PW_TYPE_MEETING (pw_meeting_get_type ())
G_DECLARE_FINAL_TYPE (PwMeeting, pw_meeting, PW, MEETING, GObject)

/* A new, unsaved meeting for pw_schedule_add(). @start carries its zone:
 * the meeting keeps that wall-clock time. */
PwMeeting       *pw_meeting_new               (PwMeetingKind    kind,
                                               GDateTime       *start,
                                               int              minutes);

gint64           pw_meeting_get_id            (PwMeeting       *self);
const char      *pw_meeting_get_uid           (PwMeeting       *self);
gint64           pw_meeting_get_programme_id  (PwMeeting       *self);
/* 0 for a programme session (kick-off, closing). */
gint64           pw_meeting_get_pair_id       (PwMeeting       *self);
void             pw_meeting_set_pair_id       (PwMeeting       *self,
                                               gint64           pair_id);
PwMeetingKind    pw_meeting_get_kind          (PwMeeting       *self);
/* (transfer none): the start in the meeting's own zone */
GDateTime       *pw_meeting_get_start         (PwMeeting       *self);
void             pw_meeting_set_start         (PwMeeting       *self,
                                               GDateTime       *start);
/* The end: start + planned minutes. (transfer full) */
GDateTime       *pw_meeting_get_end           (PwMeeting       *self);
/* The zone's name, or "" when the meeting follows the computer's zone. */
const char      *pw_meeting_get_tzid          (PwMeeting       *self);
int              pw_meeting_get_minutes       (PwMeeting       *self);
void             pw_meeting_set_minutes       (PwMeeting       *self,
                                               int              minutes);
PwContactForm    pw_meeting_get_contact_form  (PwMeeting       *self);
void             pw_meeting_set_contact_form  (PwMeeting       *self,
                                               PwContactForm    form);
const char      *pw_meeting_get_place         (PwMeeting       *self);
void             pw_meeting_set_place         (PwMeeting       *self,
                                               const char      *place);
const char      *pw_meeting_get_link          (PwMeeting       *self);
void             pw_meeting_set_link          (PwMeeting       *self,
                                               const char      *link);
const char      *pw_meeting_get_agenda        (PwMeeting       *self);
void             pw_meeting_set_agenda        (PwMeeting       *self,
                                               const char      *agenda);
PwMeetingStatus  pw_meeting_get_status        (PwMeeting       *self);
/* The real length once held, else 0. */
int              pw_meeting_get_held_minutes  (PwMeeting       *self);
/* Bumped on every change that a calendar must see (iCalendar SEQUENCE). */
int              pw_meeting_get_sequence      (PwMeeting       *self);
/* Last change, UTC "YYYY-MM-DDTHH:MM:SSZ" (iCalendar DTSTAMP). */
const char      *pw_meeting_get_modified      (PwMeeting       *self);
/* "Ana Lopez and Sam Green" for a pair's meeting, the programme's name
 * for a session: filled in by the schedule when it loads meetings. */
const char      *pw_meeting_get_who           (PwMeeting       *self);
/* A one-line title: "First meeting: Ana Lopez and Sam Green". (transfer full) */
char            *pw_meeting_dup_title         (PwMeeting       *self);
/* A held first or regular meeting at least @discussion_minutes long. */
gboolean         pw_meeting_is_significant    (PwMeeting       *self,
                                               int              discussion_minutes);

G_END_DECLS
