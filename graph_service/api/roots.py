"""The root types, merged from one class per area. An area adds its class here, nothing else."""

from __future__ import annotations

from graph_service.api.mutations.assessments import AssessmentMutation
from graph_service.api.mutations.guarantees import GuaranteeMutation
from graph_service.api.mutations.loans import LoanMutation
from graph_service.api.queries.assessments import AssessmentQuery
from graph_service.api.queries.lookup import LookupQuery
from graph_service.api.queries.audit import AuditQuery
from graph_service.api.queries.loans import LoanQuery
from graph_service.api.queries.risk import RiskQuery
from graph_service.api.queries.stations import StationQuery
from graph_service.api.mutations.stations import StationMutation

QUERY_PARTS: tuple[type, ...] = (LookupQuery, AssessmentQuery, RiskQuery, LoanQuery, StationQuery, AuditQuery,)
MUTATION_PARTS: tuple[type, ...] = (AssessmentMutation, GuaranteeMutation, LoanMutation, StationMutation,)
