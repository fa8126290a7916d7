// What: the constraints and indexes of the graph model, one statement per `;`-terminated line group.
//       Every statement is idempotent (IF NOT EXISTS); `graph_service.graph.setup` runs them in order.
// Params: none.
// Returns: nothing.
CREATE CONSTRAINT county_code IF NOT EXISTS FOR (n:County) REQUIRE n.code IS UNIQUE;
CREATE CONSTRAINT town_code IF NOT EXISTS FOR (n:Town) REQUIRE n.code IS UNIQUE;
CREATE CONSTRAINT village_code IF NOT EXISTS FOR (n:Village) REQUIRE n.code IS UNIQUE;
CREATE CONSTRAINT household_code IF NOT EXISTS FOR (n:Household) REQUIRE n.code IS UNIQUE;
CREATE CONSTRAINT bank_code IF NOT EXISTS FOR (n:Bank) REQUIRE n.code IS UNIQUE;
CREATE CONSTRAINT station_code IF NOT EXISTS FOR (n:Station) REQUIRE n.code IS UNIQUE;
CREATE CONSTRAINT loan_code IF NOT EXISTS FOR (n:Loan) REQUIRE n.code IS UNIQUE;
CREATE CONSTRAINT assessment_id IF NOT EXISTS FOR (n:Assessment) REQUIRE n.id IS UNIQUE;
CREATE INDEX town_county IF NOT EXISTS FOR (n:Town) ON (n.countyCode, n.code);
CREATE INDEX village_town IF NOT EXISTS FOR (n:Village) ON (n.townCode, n.code);
CREATE INDEX household_village IF NOT EXISTS FOR (n:Household) ON (n.villageCode, n.code);
CREATE INDEX loan_household IF NOT EXISTS FOR (n:Loan) ON (n.householdCode, n.code);
CREATE INDEX loan_village IF NOT EXISTS FOR (n:Loan) ON (n.villageCode);
CREATE INDEX loan_status IF NOT EXISTS FOR (n:Loan) ON (n.status);
CREATE INDEX station_village IF NOT EXISTS FOR (n:Station) ON (n.villageCode, n.code);
CREATE INDEX assessment_due IF NOT EXISTS FOR (n:Assessment) ON (n.applied, n.effectiveOn);
CREATE INDEX household_effective_since IF NOT EXISTS FOR (n:Household) ON (n.effectiveSince, n.code);
CREATE CONSTRAINT audit_event_id IF NOT EXISTS FOR (n:AuditEvent) REQUIRE n.id IS UNIQUE;
CREATE INDEX audit_event_at IF NOT EXISTS FOR (n:AuditEvent) ON (n.at);
CREATE INDEX loan_household_code IF NOT EXISTS FOR (n:Loan) ON (n.householdCode);
CREATE INDEX household_village_code IF NOT EXISTS FOR (n:Household) ON (n.villageCode);
CREATE CONSTRAINT incident_id IF NOT EXISTS FOR (n:Incident) REQUIRE n.id IS UNIQUE;
CREATE INDEX freeze_event_at IF NOT EXISTS FOR (n:FreezeEvent) ON (n.at);
CREATE INDEX household_blacklisted IF NOT EXISTS FOR (n:Household) ON (n.blacklisted);
