/* pw-rule-dialog.h — builds one eligibility rule
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "pw-eligibility.h"
#include "pw-programme.h"
#include "pw-store.h"

G_BEGIN_DECLS

#define PW_TYPE_RULE_DIALOG (pw_rule_dialog_get_type ())
G_DECLARE_FINAL_TYPE (PwRuleDialog, pw_rule_dialog, PW, RULE_DIALOG, AdwWindow)

/* @people: the enrolled people (PwPerson), whose data offer the values */
PwRuleDialog *pw_rule_dialog_new      (PwStore      *store,
                                       PwProgramme  *programme,
                                       PwRuleSet     set,
                                       GListModel   *people);
/* The rule as the widgets describe it now, or %NULL while incomplete. */
PwRule       *pw_rule_dialog_get_rule (PwRuleDialog *self);

G_END_DECLS
