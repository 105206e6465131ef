package intake

// Entity types of the return-counselling bureau. Each step change, note,
// consultation, question and appointment is an entity of its own, written
// once (appointments and questions may change later), so that two desks
// adding to the same case never contend for one field.
const (
	// EntityCounsellingCase is a return-counselling case: its current step
	// and the counsellor's findings (documents, facts, amounts).
	EntityCounsellingCase EntityType = "counselling_case"
	// EntityCounsellingStep is one dated, attributed step change of a case.
	EntityCounsellingStep EntityType = "counselling_step"
	// EntityCounsellingNote is a counsellor's note; counsellors only.
	EntityCounsellingNote EntityType = "counselling_note"
	// EntityCounsellingConsultation is the summary of a consultation.
	EntityCounsellingConsultation EntityType = "counselling_consultation"
	// EntityCounsellingQuestion is an open question for the home-country
	// enquiry.
	EntityCounsellingQuestion EntityType = "counselling_question"
	// EntityCounsellingAppointment is a planned consultation.
	EntityCounsellingAppointment EntityType = "counselling_appointment"
)

// CounsellingEntityTypes lists the entity types above, for code that
// accepts events (sync) or keeps them from other roles.
func CounsellingEntityTypes() []EntityType {
	return []EntityType{
		EntityCounsellingCase, EntityCounsellingStep, EntityCounsellingNote,
		EntityCounsellingConsultation, EntityCounsellingQuestion, EntityCounsellingAppointment,
	}
}
