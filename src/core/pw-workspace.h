/* pw-workspace.h — a pair's workspace: agreement, plan, diary, worksheets,
 * signs of dependency and closing
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "pw-action-plan.h"
#include "pw-agreement.h"
#include "pw-closure.h"
#include "pw-diary.h"
#include "pw-store.h"
#include "pw-worksheet.h"
#include "pw-workspace-types.h"

G_BEGIN_DECLS

/*
 * Signs of excessive dependency: gentle signals computed from the record,
 * never stored. Each rule:
 *
 * NO_OWN_TOPICS: the last three diary entries (by date) all have their
 *   topics raised by the mentor: the mentee has brought nothing of their
 *   own for three meetings.
 * MEETS_TOO_OFTEN: in the 30 days up to the latest diary entry, the pair
 *   met (days with an entry) more than twice the meetings a month of the
 *   agreement (or of the programme while there is no agreement).
 * ACTIONS_BY_MENTOR: of the diary entries that record agreed actions, the
 *   last three all had them set by the mentor.
 */
typedef enum
{
  PW_DEPENDENCY_NO_OWN_TOPICS,     /*< nick=no-own-topics >*/
  PW_DEPENDENCY_MEETS_TOO_OFTEN,   /*< nick=meets-too-often >*/
  PW_DEPENDENCY_ACTIONS_BY_MENTOR, /*< nick=actions-by-mentor >*/
} PwDependencyKind;

#define PW_DEPENDENCY_RECENT_ENTRIES 3
#define PW_DEPENDENCY_WINDOW_DAYS    30
#define PW_DEPENDENCY_FREQUENCY_FACTOR 2

typedef struct
{
  PwDependencyKind  kind;
  char             *message;  /* plain words, with a gentle suggestion */
} PwDependencySignal;

void        pw_dependency_signal_free       (PwDependencySignal *signal);
const char *pw_dependency_kind_to_string    (PwDependencyKind    kind);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PwDependencySignal, pw_dependency_signal_free)

/* (element-type PwDependencySignal): empty when nothing stands out. */
GPtrArray  *pw_workspace_dependency_signals (PwStore            *store,
                                             gint64              pair_id,
                                             GError            **error);

/* The whole workspace as JSON (as the bundle carries it). The diary is
 * left out unless @with_diary: it is private to the pair. */
JsonNode   *pw_workspace_to_json            (PwStore            *store,
                                             gint64              pair_id,
                                             gboolean            with_diary,
                                             GError            **error);

G_END_DECLS
