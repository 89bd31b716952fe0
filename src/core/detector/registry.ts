/**
 * Every role rule, in priority order. Adding a construction is adding a file
 * under ./roles and a line here; no rule edits another.
 */

import accordingTo from './roles/according-to';
import accusedObject from './roles/accused-object';
import accusedPassive from './roles/accused-passive';
import attributedByTo from './roles/attributed-by-to';
import attributedTo from './roles/attributed-to';
import bareBehind from './roles/bare-behind';
import byAgent from './roles/by-agent';
import citedSource from './roles/cited-source';
import claimedAllegiance from './roles/claimed-allegiance';
import claimsAbout from './roles/claims-about';
import claimsOf from './roles/claims-of';
import cleft from './roles/cleft';
import companyNationality from './roles/company-nationality';
import copulaPerpetrator from './roles/copula-perpetrator';
import dateline from './roles/dateline';
import demonymClaim from './roles/demonym-claim';
import demonymPerpetrator from './roles/demonym-perpetrator';
import employeeOf from './roles/employee-of';
import fingerprints from './roles/fingerprints';
import frontedAccused from './roles/fronted-accused';
import groupDefault from './roles/group-default';
import headlineParticiple from './roles/headline-participle';
import hyphenLinked from './roles/hyphen-linked';
import interviewer from './roles/interviewer';
import languageQualifier from './roles/language-qualifier';
import linkedTo from './roles/linked-to';
import linksOperationTo from './roles/links-operation-to';
import measuresAgainst from './roles/measures-against';
import nameOnClaim from './roles/name-on-claim';
import negatedParty from './roles/negated-party';
import noRole from './roles/no-role';
import nominalOperation from './roles/nominal-operation';
import organisationDefault from './roles/organisation-default';
import origin from './roles/origin';
import partOfAccusing from './roles/part-of-accusing';
import perpetratorAs from './roles/perpetrator-as';
import possessiveClaim from './roles/possessive-claim';
import possessivePerpetrator from './roles/possessive-perpetrator';
import possessiveSpeaker from './roles/possessive-speaker';
import postposedSpeaker from './roles/postposed-speaker';
import predicateDemonym from './roles/predicate-demonym';
import proPrefix from './roles/pro-prefix';
import qualifier from './roles/qualifier';
import realCulprit from './roles/real-culprit';
import reportedBy from './roles/reported-by';
import reprisalAgainst from './roles/reprisal-against';
import seatOfOrgan from './roles/seat-of-organ';
import subjectVerb from './roles/subject-verb';
import target from './roles/target';
import tiesCut from './roles/ties-cut';
import unitOf from './roles/unit-of';
import urgedToStop from './roles/urged-to-stop';
import victim from './roles/victim';
import victimList from './roles/victim-list';
import worriedParty from './roles/worried-party';
import type { RoleRule } from './types';

export const ROLE_RULES: readonly RoleRule[] = [
  claimedAllegiance,
  frontedAccused,
  languageQualifier,
  employeeOf,
  fingerprints,
  perpetratorAs,
  victimList,
  worriedParty,
  possessiveSpeaker,
  reprisalAgainst,
  citedSource,
  tiesCut,
  partOfAccusing,
  dateline,
  interviewer,
  nominalOperation,
  bareBehind,
  headlineParticiple,
  predicateDemonym,
  hyphenLinked,
  proPrefix,
  negatedParty,
  postposedSpeaker,
  companyNationality,
  accordingTo,
  measuresAgainst,
  attributedTo,
  linksOperationTo,
  unitOf,
  attributedByTo,
  claimsOf,
  nameOnClaim,
  claimsAbout,
  demonymClaim,
  possessiveClaim,
  demonymPerpetrator,
  possessivePerpetrator,
  origin,
  accusedPassive,
  realCulprit,
  cleft,
  linkedTo,
  byAgent,
  reportedBy,
  copulaPerpetrator,
  accusedObject,
  urgedToStop,
  seatOfOrgan,
  target,
  victim,
  qualifier,
  subjectVerb,
  groupDefault,
  organisationDefault,
  noRole,
].sort((a, b) => a.priority - b.priority);
