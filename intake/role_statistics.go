package intake

import "slices"

// RoleStatistics reads aggregate counts only: no person file, list,
// search, export or history. It is not in Roles, so Valid is false for it
// and every check that admits "any role that works with person files"
// refuses it.
const RoleStatistics Role = "statistics"

// AllRoles lists every role an account may have, in the order forms show
// them: the roles that work with person files, then statistics.
var AllRoles = append(slices.Clone(Roles), RoleStatistics)

// Known reports whether r is any role an account may have.
func (r Role) Known() bool { return slices.Contains(AllRoles, r) }

// CanReadStatistics reports whether the role may read aggregate counts.
func (r Role) CanReadStatistics() bool { return r == RoleStatistics || r == RoleAdmin }
