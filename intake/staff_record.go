package intake

// StaffRecord is a staff account as the central publishes it to every
// desk, so that staff managed centrally can log in at any enrolled desk,
// offline too. It carries no password, only what checks one.
type StaffRecord struct {
	Staff
	// PasswordHash is the argon2id hash of the password as a PHC string
	// ($argon2id$v=19$m=…,t=…,p=…$salt$hash).
	PasswordHash string
	// KeyWrap is the deployment's data key wrapped under a key derived
	// from the password (package seal's Wrap format): the desk unwraps it
	// at login to reach its own data key. Opaque to the domain.
	KeyWrap []byte
	// Version is the central's sequence number of this state of the
	// account; a desk keeps the highest it has seen.
	Version int64
}
