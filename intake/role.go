package intake

// Role is what a staff member does at the office; it decides what they may
// read and change. Least privilege: each role gets only what its work needs.
type Role string

// Staff roles.
const (
	RoleReception  Role = "reception"
	RoleCounsellor Role = "counsellor"
	RoleHealth     Role = "health"
	RoleAdmin      Role = "admin"
)

// Roles lists every role, in the order forms show them.
var Roles = []Role{RoleReception, RoleCounsellor, RoleHealth, RoleAdmin}

// Valid reports whether r is a known role.
func (r Role) Valid() bool {
	for _, k := range Roles {
		if r == k {
			return true
		}
	}
	return false
}

// CanReadField reports whether the role may read a person field. Health
// fields are for the health role only: the office's admins manage accounts
// and imports, not medical handovers.
func (r Role) CanReadField(f Field) bool {
	info, ok := PersonFieldInfo(f)
	if !ok {
		return false
	}
	if info.Sensitivity == Health {
		return r == RoleHealth
	}
	return r.Valid()
}

// CanEditPersons reports whether the role records and edits person files.
func (r Role) CanEditPersons() bool {
	return r == RoleReception || r == RoleAdmin || r == RoleHealth
}

// CanImport reports whether the role may import attribution lists.
func (r Role) CanImport() bool { return r == RoleReception || r == RoleAdmin }

// CanManageStaff reports whether the role may create and disable accounts.
func (r Role) CanManageStaff() bool { return r == RoleAdmin }

// Redact blanks the fields of v the role may not read, in place.
func (r Role) Redact(v map[Field]string) {
	for f := range v {
		if !r.CanReadField(f) {
			delete(v, f)
		}
	}
}

// Staff is a member of the office's staff as the store knows them.
type Staff struct {
	ID       string
	Name     string // login name
	Role     Role
	Disabled bool
}

// MinPasswordLen is the shortest password accepted for a staff account.
const MinPasswordLen = 10
