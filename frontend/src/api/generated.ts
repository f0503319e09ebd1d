/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
export type CandidateKind =
  | 'MEMBER'
  | 'PARTNER';

/** trainee, early, mid, senior, consultant */
export type CareerStage =
  | 'CONSULTANT'
  | 'EARLY'
  | 'MID'
  | 'SENIOR'
  | 'TRAINEE';

/** Consent flags to change; leave one out to keep it. */
export type ConsentInput = {
  openToMatching?: boolean | null | undefined;
  visibleToMembers?: boolean | null | undefined;
  visibleToPartners?: boolean | null | undefined;
};

/** ACCEPTED and DECLINED teach the ranking; SUGGESTED records exposure. */
export type Decision =
  | 'ACCEPTED'
  | 'DECLINED'
  | 'SUGGESTED';

/** A discipline and the least number of members in it. */
export type DisciplineCount = {
  count: number;
  /** As members give it, e.g. "Clinical engineering". */
  discipline: string;
};

/** A decision on one suggested candidate for one target. */
export type FeedbackInput = {
  candidateId: string;
  candidateKind?: CandidateKind;
  decision: Decision;
  /** Idea, call or task group id; for text, Target.id. */
  targetId: string;
  targetKind: TargetKind;
};

/** SIG, CoI, Task-and-Finish group, committee */
export type GroupKind =
  | 'COI'
  | 'COMMITTEE'
  | 'SIG'
  | 'TASK_GROUP';

/** draft, invitations sent, active, closed */
export type GroupLifecycleState =
  | 'ACTIVE'
  | 'CLOSED'
  | 'DRAFT'
  | 'INVITATIONS_SENT';

/** An idea's fields; on update, leave one out to keep it. */
export type IdeaInput = {
  /** The call it answers; an empty string removes the link. */
  callId?: string | null | undefined;
  requiredSkills?: Array<string> | null | undefined;
  /** draft or submitted. */
  status?: string | null | undefined;
  /** 20-5000 characters. */
  summary?: string | null | undefined;
  themeIds?: Array<string> | null | undefined;
  /** 5-200 characters. */
  title?: string | null | undefined;
};

/** A proposed member's invitation: proposed, invited, accepted, declined. */
export type InvitationState =
  | 'ACCEPTED'
  | 'DECLINED'
  | 'INVITED'
  | 'PROPOSED';

/** Kinds of notice to switch on (true) or off; leave one out to keep it. */
export type NoticePreferencesInput = {
  groupProposal?: boolean | null | undefined;
  ideaInvitation?: boolean | null | undefined;
  introductionRequest?: boolean | null | undefined;
};

/** An idea you may see, or plain text; with the gaps to fill. */
export type PartnerInput = {
  first?: number;
  /** Skills the team lacks. */
  gaps?: Array<string>;
  ideaId?: string | null | undefined;
  region?: string | null | undefined;
  teamSectors?: Array<Sector>;
  text?: string;
};

/** What kind of body a partner is. */
export type PartnerKind =
  | 'CHARITY'
  | 'COMPANY'
  | 'GOVERNMENT'
  | 'NHS_TRUST'
  | 'UNIVERSITY';

/** Fields to change; leave one out to keep it. */
export type ProfileInput = {
  /** Hours a month, 0-160. */
  availabilityHours?: number | null | undefined;
  discipline?: string | null | undefined;
  /** Plain-language account of your expertise (up to 4000 characters). */
  expertiseStatement?: string | null | undefined;
  /** Active groups at once, 0-10. */
  maxGroups?: number | null | undefined;
  name?: string | null | undefined;
};

/** A region (a UK nation or English region) and the least number of members from it. */
export type RegionCount = {
  count: number;
  /** As the graph names it, e.g. "Scotland". */
  region: string;
};

/** What a signed-in user may do and see. */
export type Role =
  | 'ADMIN'
  | 'ANONYMOUS'
  | 'MEMBER'
  | 'PARTNER'
  | 'STAFF';

/** Narrow a search; every field is optional. */
export type SearchFilter = {
  careerStages?: Array<CareerStage>;
  minHours?: number;
  regions?: Array<string>;
  sectors?: Array<Sector>;
  /** SIG ids or names. */
  sigs?: Array<string>;
  withCapacity?: boolean;
};

/** The sector an organisation or partner is in. */
export type Sector =
  | 'ACADEMIA'
  | 'CHARITY'
  | 'GOVERNMENT'
  | 'INDUSTRY'
  | 'NHS';

/** Sector and the least number of members from it. */
export type SectorCount = {
  count: number;
  sector: Sector;
};

/** Sector and the most members from it. */
export type SectorLimit = {
  count: number;
  sector: Sector;
};

/** Give exactly one: a member id, a partner id, or the role STAFF or ADMIN. */
export type SignInInput = {
  memberId?: string | null | undefined;
  partnerId?: string | null | undefined;
  role?: Role | null | undefined;
};

/** What the silo map compares. */
export type SiloDimension =
  | 'DISCIPLINE'
  | 'SECTOR'
  | 'SIG';

/** A new vocabulary skill. */
export type SkillInput = {
  /** What the skill covers in practice, at most 400 characters: the work, equipment and tasks. Derived skills compare a whole text with it. */
  description?: string;
  /** specialism or topic. */
  kind?: string;
  /** 2-200 characters, not already a skill's label. */
  name: string;
  /** At most 12. */
  synonyms?: Array<string>;
};

/** What the suggestion was for. */
export type TargetKind =
  | 'CALL'
  | 'IDEA'
  | 'TASK_GROUP'
  | 'TEXT';

/** Fields of a task group to change; leave out what stays. */
export type TaskGroupEdit = {
  /** Acceptances needed to activate, 1-30. */
  minimumAccepted?: number | null | undefined;
  /** 3-160 characters. */
  name?: string | null | undefined;
  /** 10-5000 characters. */
  remit?: string | null | undefined;
  themeIds?: Array<string> | null | undefined;
};

/** A new Task-and-Finish group. */
export type TaskGroupInput = {
  /** One of the proposed members, or another proposed as chair. */
  chairId?: string | null | undefined;
  /** At most 30. */
  memberIds?: Array<string>;
  /** Acceptances needed before the group can be activated, 1-30. */
  minimumAccepted?: number;
  /** 3-160 characters. */
  name: string;
  /** What the group is to deliver, 10-5000 characters. */
  remit: string;
  themeIds?: Array<string>;
};

/** What the team is for (one of idea, call, task group, or text) and its constraints. */
export type TeamInput = {
  callId?: string | null | undefined;
  exclude?: Array<string>;
  ideaId?: string | null | undefined;
  maxPerOrganisation?: number | null | undefined;
  maxPerSector?: Array<SectorLimit>;
  minDistinctDisciplines?: number;
  minDistinctSigs?: number;
  minEarlyCareer?: number;
  minRegions?: number;
  /** Locked members. */
  mustInclude?: Array<string>;
  requireCapacity?: boolean;
  requiredDisciplines?: Array<DisciplineCount>;
  requiredRegions?: Array<RegionCount>;
  requiredSectors?: Array<SectorCount>;
  size?: number;
  /** Derived from the text when empty. */
  skills?: Array<string>;
  /** Staff only. */
  taskGroupId?: string | null | undefined;
  /** A remit or idea in plain language. */
  text?: string;
};

/** A grand challenge or an emerging trend. */
export type ThemeKind =
  | 'EMERGING_TREND'
  | 'GRAND_CHALLENGE';

export type AcceptProposedSkillMutationVariables = Exact<{
  skillId: string;
}>;


export type AcceptProposedSkillMutation = { acceptProposedSkill:
    | { __typename: 'NotAllowed', message: string }
    | { __typename: 'NotFound', message: string }
    | { __typename: 'SkillSaved', id: string, name: string, kind: string, synonyms: Array<string> }
    | { __typename: 'ValidationErrors', message: string, errors: Array<{ field: string, message: string }> }
   };

export type AddSkillMutationVariables = Exact<{
  input: SkillInput;
}>;


export type AddSkillMutation = { addSkill:
    | { __typename: 'NotAllowed', message: string }
    | { __typename: 'NotFound', message: string }
    | { __typename: 'SkillSaved', id: string, name: string, kind: string, synonyms: Array<string>, description: string }
    | { __typename: 'ValidationErrors', message: string, errors: Array<{ field: string, message: string }> }
   };

export type AddSkillSynonymMutationVariables = Exact<{
  skillId: string;
  synonym: string;
}>;


export type AddSkillSynonymMutation = { addSkillSynonym:
    | { __typename: 'NotAllowed', message: string }
    | { __typename: 'NotFound', message: string }
    | { __typename: 'SkillSaved', id: string, name: string, kind: string, synonyms: Array<string> }
    | { __typename: 'ValidationErrors', message: string, errors: Array<{ field: string, message: string }> }
   };

export type AnswerIdeaInvitationMutationVariables = Exact<{
  ideaId: string;
  accept: boolean;
}>;


export type AnswerIdeaInvitationMutation = { answerIdeaInvitation:
    | { __typename: 'IdeaInvitationAnswered', invitation: { ideaId: string, status: string } }
    | { __typename: 'NotAllowed', message: string }
    | { __typename: 'NotFound', message: string }
    | { __typename: 'ValidationErrors', message: string }
   };

export type AnswerIntroductionMutationVariables = Exact<{
  id: string;
  accept: boolean;
}>;


export type AnswerIntroductionMutation = { answerIntroduction:
    | { __typename: 'IntroductionAnswered', request: { id: string, status: string, contactEmail: string | null } }
    | { __typename: 'NotAllowed', message: string }
    | { __typename: 'NotFound', message: string }
    | { __typename: 'ValidationErrors', message: string }
   };

export type ConfirmIdeaSkillsMutationVariables = Exact<{
  ideaId: string;
  skills: Array<string> | string;
}>;


export type ConfirmIdeaSkillsMutation = { confirmIdeaSkills:
    | { __typename: 'IdeaSkillList', ideaId: string, confirmed: boolean, skills: Array<{ id: string, name: string }> }
    | { __typename: 'NotAllowed', message: string }
    | { __typename: 'NotFound', message: string }
    | { __typename: 'ValidationErrors', message: string, errors: Array<{ field: string, message: string }> }
   };

export type CreateIdeaMutationVariables = Exact<{
  input: IdeaInput;
}>;


export type CreateIdeaMutation = { submitIdea:
    | { __typename: 'IdeaSaved', idea: { id: string } }
    | { __typename: 'NotAllowed', message: string }
    | { __typename: 'NotFound', message: string }
    | { __typename: 'ValidationErrors', message: string, errors: Array<{ field: string, message: string }> }
   };

export type CreateTaskGroupMutationVariables = Exact<{
  input: TaskGroupInput;
}>;


export type CreateTaskGroupMutation = { createTaskGroup:
    | { __typename: 'GroupRuleBroken', message: string }
    | { __typename: 'GroupSaved', group: { id: string, name: string } }
    | { __typename: 'NotAllowed', message: string }
    | { __typename: 'NotFound', message: string }
    | { __typename: 'ValidationErrors', message: string, errors: Array<{ field: string, message: string }> }
   };

export type DashboardQueryVariables = Exact<{ [key: string]: never; }>;


export type DashboardQuery = { themes: { nodes: Array<{ id: string, name: string, kind: ThemeKind, calls: Array<{ id: string, title: string, status: string }>, ideas: Array<{ id: string, title: string, status: string }>, groups: Array<{ id: string, name: string, kind: GroupKind, status: string }> }> } };

export type DemoUsersQueryVariables = Exact<{ [key: string]: never; }>;


export type DemoUsersQuery = { demoUsers: Array<{ id: string, name: string, role: Role, description: string }> };

export type ExpressInterestMutationVariables = Exact<{
  ideaId: string;
}>;


export type ExpressInterestMutation = { expressInterest:
    | { __typename: 'IdeaSaved', idea: { id: string } }
    | { __typename: 'NotAllowed', message: string }
    | { __typename: 'NotFound', message: string }
    | { __typename: 'ValidationErrors', message: string }
   };

export type GroupQueryVariables = Exact<{
  id: string;
}>;


export type GroupQuery = { group: { id: string, name: string, kind: GroupKind, description: string, status: string, themes: Array<{ id: string, name: string }>, members: Array<{ role: string, member: { id: string, name: string, discipline: string, careerStage: CareerStage, region: string, organisation: { name: string, sector: Sector } | null } | null }> } | null };

export type GroupActivateMutationVariables = Exact<{
  groupId: string;
}>;


export type GroupActivateMutation = { activateTaskGroup:
    | { __typename: 'GroupRuleBroken', rule: string, message: string }
    | { __typename: 'NotAllowed', message: string }
    | { __typename: 'NotFound', message: string }
    | { __typename: 'TaskGroupChanged', invited: Array<string>, group: { id: string, state: GroupLifecycleState } }
    | { __typename: 'ValidationErrors', message: string, errors: Array<{ field: string, message: string }> }
   };

export type GroupAddMemberMutationVariables = Exact<{
  groupId: string;
  memberId: string;
}>;


export type GroupAddMemberMutation = { addToTaskGroup:
    | { __typename: 'GroupRuleBroken', rule: string, message: string }
    | { __typename: 'NotAllowed', message: string }
    | { __typename: 'NotFound', message: string }
    | { __typename: 'TaskGroupChanged', invited: Array<string>, group: { id: string, state: GroupLifecycleState } }
    | { __typename: 'ValidationErrors', message: string, errors: Array<{ field: string, message: string }> }
   };

export type GroupAnswerInvitationMutationVariables = Exact<{
  groupId: string;
  accept: boolean;
}>;


export type GroupAnswerInvitationMutation = { answerGroupInvitation:
    | { __typename: 'GroupRuleBroken', rule: string, message: string }
    | { __typename: 'InvitationAnswered', invitation: { groupId: string, invitation: InvitationState } }
    | { __typename: 'NotAllowed', message: string }
    | { __typename: 'NotFound', message: string }
   };

export type GroupCloseMutationVariables = Exact<{
  groupId: string;
}>;


export type GroupCloseMutation = { closeTaskGroup:
    | { __typename: 'GroupRuleBroken', rule: string, message: string }
    | { __typename: 'NotAllowed', message: string }
    | { __typename: 'NotFound', message: string }
    | { __typename: 'TaskGroupChanged', invited: Array<string>, group: { id: string, state: GroupLifecycleState } }
    | { __typename: 'ValidationErrors', message: string, errors: Array<{ field: string, message: string }> }
   };

export type GroupInvitationsQueryVariables = Exact<{ [key: string]: never; }>;


export type GroupInvitationsQuery = { myGroupInvitations: Array<{ groupId: string, name: string, remit: string, invitation: InvitationState, role: string, changed: string }> };

export type GroupLifecycleQueryVariables = Exact<{
  id: string;
}>;


export type GroupLifecycleQuery = { taskGroupLifecycle: { id: string, name: string, remit: string, created: string, state: GroupLifecycleState, minimumAccepted: number, acceptedCount: number, activationBlocker: string | null, themes: Array<{ id: string, name: string }>, seats: Array<{ memberId: string, invitation: InvitationState, role: string, member: { id: string, name: string, discipline: string, careerStage: CareerStage, region: string, organisation: { name: string, sector: Sector } | null, skills: Array<{ skill: { id: string, name: string } }> } | null }> } | null };

export type GroupMembersNamedQueryVariables = Exact<{
  text: string;
}>;


export type GroupMembersNamedQuery = { membersNamed: Array<{ id: string, name: string, discipline: string, careerStage: CareerStage, region: string, organisation: { name: string, sector: Sector } | null }> };

export type GroupRemoveMemberMutationVariables = Exact<{
  groupId: string;
  memberId: string;
}>;


export type GroupRemoveMemberMutation = { removeFromTaskGroup:
    | { __typename: 'GroupRuleBroken', rule: string, message: string }
    | { __typename: 'NotAllowed', message: string }
    | { __typename: 'NotFound', message: string }
    | { __typename: 'TaskGroupChanged', invited: Array<string>, group: { id: string, state: GroupLifecycleState } }
    | { __typename: 'ValidationErrors', message: string, errors: Array<{ field: string, message: string }> }
   };

export type GroupSendInvitationsMutationVariables = Exact<{
  groupId: string;
}>;


export type GroupSendInvitationsMutation = { sendGroupInvitations:
    | { __typename: 'GroupRuleBroken', rule: string, message: string }
    | { __typename: 'NotAllowed', message: string }
    | { __typename: 'NotFound', message: string }
    | { __typename: 'TaskGroupChanged', invited: Array<string>, group: { id: string, state: GroupLifecycleState } }
    | { __typename: 'ValidationErrors', message: string, errors: Array<{ field: string, message: string }> }
   };

export type GroupSetChairMutationVariables = Exact<{
  groupId: string;
  memberId?: string | null | undefined;
}>;


export type GroupSetChairMutation = { setTaskGroupChair:
    | { __typename: 'GroupRuleBroken', rule: string, message: string }
    | { __typename: 'NotAllowed', message: string }
    | { __typename: 'NotFound', message: string }
    | { __typename: 'TaskGroupChanged', invited: Array<string>, group: { id: string, state: GroupLifecycleState } }
    | { __typename: 'ValidationErrors', message: string, errors: Array<{ field: string, message: string }> }
   };

export type GroupUpdateMutationVariables = Exact<{
  groupId: string;
  input: TaskGroupEdit;
}>;


export type GroupUpdateMutation = { updateTaskGroup:
    | { __typename: 'GroupRuleBroken', rule: string, message: string }
    | { __typename: 'NotAllowed', message: string }
    | { __typename: 'NotFound', message: string }
    | { __typename: 'TaskGroupChanged', invited: Array<string>, group: { id: string, state: GroupLifecycleState } }
    | { __typename: 'ValidationErrors', message: string, errors: Array<{ field: string, message: string }> }
   };

export type IdeaQueryVariables = Exact<{
  id: string;
}>;


export type IdeaQuery = { me: { id: string, partner: { id: string, interests: Array<{ id: string }> | null } | null }, idea: { id: string, title: string, summary: string, status: string, created: string, requiredSkills: Array<string>, isMine: boolean, submittedBy: { id: string, name: string } | null, call: { id: string, title: string } | null, themes: Array<{ id: string, name: string }>, interestedMembers: Array<{ id: string, name: string }> | null, interestedPartners: Array<{ id: string, name: string }> | null } | null };

export type IdeaInvitationsQueryVariables = Exact<{
  ideaId: string;
}>;


export type IdeaInvitationsQuery = { ideaInvitations: Array<{ memberId: string, status: string }> | null, idea: { id: string, invited: Array<{ id: string, name: string }> | null } | null };

export type IdeaSkillsQueryVariables = Exact<{
  ideaId: string;
}>;


export type IdeaSkillsQuery = { ideaSkills:
    | { __typename: 'IdeaSkillList', ideaId: string, confirmed: boolean, skills: Array<{ id: string, name: string }> }
    | { __typename: 'NotAllowed', message: string }
    | { __typename: 'NotFound', message: string }
    | { __typename: 'ValidationErrors', message: string }
   };

export type IdeasBoardQueryVariables = Exact<{ [key: string]: never; }>;


export type IdeasBoardQuery = { me: { id: string, partner: { id: string, interests: Array<{ id: string }> | null } | null }, ideas: { totalCount: number, nodes: Array<{ id: string, title: string, summary: string, status: string, isMine: boolean, call: { id: string, title: string } | null, themes: Array<{ id: string, name: string }> }> } };

export type IntroductionRequestsQueryVariables = Exact<{ [key: string]: never; }>;


export type IntroductionRequestsQuery = { introductionRequests: Array<{ id: string, status: string, topic: string | null, ideaId: string | null, ideaTitle: string | null, message: string, created: string, requesterName: string, requesterKind: string, contactEmail: string | null }>, myIdeaInvitations: Array<{ ideaId: string, ideaTitle: string, invitedBy: string, status: string, at: string }> };

export type InviteToIdeaMutationVariables = Exact<{
  ideaId: string;
  memberId: string;
}>;


export type InviteToIdeaMutation = { inviteToIdea:
    | { __typename: 'IdeaSaved', idea: { id: string } }
    | { __typename: 'NotAllowed', message: string }
    | { __typename: 'NotFound', message: string }
    | { __typename: 'ValidationErrors', message: string }
   };

export type MemberQueryVariables = Exact<{
  id: string;
}>;


export type MemberQuery = { member: { id: string, name: string, discipline: string, careerStage: CareerStage, region: string, expertiseStatement: string, email: string | null, organisation: { name: string, sector: Sector } | null, memberships: Array<{ role: string, group: { id: string, name: string, kind: GroupKind } }>, skills: Array<{ level: string | null, skill: { id: string, name: string } }>, outputs: Array<{ id: string, title: string, year: number, kind: string }> } | null };

export type MemberLoadQueryVariables = Exact<{ [key: string]: never; }>;


export type MemberLoadQuery = { analytics: { overloadedMembers: { totalCount: number, nodes: Array<{ activeGroups: number, member: { id: string, name: string, maxGroups: number | null } | null }> }, uninvolvedMembers: { totalCount: number, nodes: Array<{ member: { id: string, name: string } | null }> } } };

export type MyIdeasQueryVariables = Exact<{ [key: string]: never; }>;


export type MyIdeasQuery = { me: { id: string, member: { id: string, ideas: Array<{ id: string, title: string, status: string, created: string, call: { id: string, title: string } | null }> } | null } };

export type MyIntroductionsQueryVariables = Exact<{ [key: string]: never; }>;


export type MyIntroductionsQuery = { myIntroductions: Array<{ id: string, status: string, topic: string | null, ideaTitle: string | null, created: string, memberId: string, memberName: string, contactEmail: string | null }> };

export type MyProfileQueryVariables = Exact<{ [key: string]: never; }>;


export type MyProfileQuery = { me: { id: string, role: Role, member: { id: string, name: string, email: string | null, discipline: string, careerStage: CareerStage, region: string, availabilityHours: number | null, maxGroups: number | null, expertiseStatement: string, consent: { openToMatching: boolean, visibleToMembers: boolean, visibleToPartners: boolean } | null, organisation: { id: string, name: string, sector: Sector } | null } | null } };

export type NeighbourhoodQueryVariables = Exact<{
  id: string;
  depth: number;
}>;


export type NeighbourhoodQuery = { neighbourhood:
    | { __typename: 'Neighbourhood', truncated: boolean, centre: { id: string, label: string, name: string }, nodes: Array<{ id: string, label: string, name: string, kind: string }>, edges: Array<{ source: string, target: string, type: string }> }
    | { __typename: 'NotAllowed', message: string }
    | { __typename: 'NotFound', message: string }
    | { __typename: 'ValidationErrors', message: string }
   };

export type NoticePreferencesQueryVariables = Exact<{ [key: string]: never; }>;


export type NoticePreferencesQuery = { noticePreferences: { ideaInvitation: boolean, introductionRequest: boolean, groupProposal: boolean } };

export type OpenCallsQueryVariables = Exact<{ [key: string]: never; }>;


export type OpenCallsQuery = { calls: { totalCount: number, nodes: Array<{ id: string, title: string, description: string, status: string, opens: string, closes: string, themes: Array<{ id: string, name: string }> }> } };

export type RecordFeedbackMutationVariables = Exact<{
  input: FeedbackInput;
}>;


export type RecordFeedbackMutation = { recordSuggestionFeedback:
    | { __typename: 'FeedbackRecorded', suggestionId: string, decision: Decision }
    | { __typename: 'NotAllowed', message: string }
    | { __typename: 'NotFound', message: string }
    | { __typename: 'ValidationErrors', message: string }
   };

export type RecordTeamShownMutationVariables = Exact<{
  shownToken: string;
}>;


export type RecordTeamShownMutation = { recordTeamShown:
    | { __typename: 'NotAllowed' }
    | { __typename: 'NotFound' }
    | { __typename: 'TeamShown' }
    | { __typename: 'ValidationErrors' }
   };

export type RejectProposedSkillMutationVariables = Exact<{
  skillId: string;
}>;


export type RejectProposedSkillMutation = { rejectProposedSkill:
    | { __typename: 'NotAllowed', message: string }
    | { __typename: 'NotFound', message: string }
    | { __typename: 'SkillSaved', id: string, name: string, kind: string, synonyms: Array<string> }
    | { __typename: 'ValidationErrors', message: string, errors: Array<{ field: string, message: string }> }
   };

export type RequestIntroductionMutationVariables = Exact<{
  memberId: string;
  message: string;
  topic?: string | null | undefined;
  ideaId?: string | null | undefined;
  contactEmail?: string | null | undefined;
}>;


export type RequestIntroductionMutation = { requestIntroduction:
    | { __typename: 'IntroductionRequested', introduction: { id: string, status: string } }
    | { __typename: 'NotAllowed', message: string }
    | { __typename: 'NotFound', message: string }
    | { __typename: 'ValidationErrors', message: string, errors: Array<{ field: string, message: string }> }
   };

export type SearchExpertiseQueryVariables = Exact<{
  text: string;
  filter?: SearchFilter | null | undefined;
  first?: number | null | undefined;
}>;


export type SearchExpertiseQuery = { search:
    | { __typename: 'MemberSearch', text: string, results: { totalCount: number, nodes: Array<{ memberId: string, name: string, discipline: string, careerStage: string, region: string, organisation: string, sector: string, sigs: Array<string>, cois: Array<string>, score: number, band: string, evidence: Array<{ sourceId: string, kind: string, title: string, snippet: string, score: number, year: number }> }> } }
    | { __typename: 'NotAllowed', message: string }
    | { __typename: 'NotFound', message: string }
    | { __typename: 'ValidationErrors', message: string, errors: Array<{ field: string, message: string }> }
   };

export type SetConsentMutationVariables = Exact<{
  input: ConsentInput;
}>;


export type SetConsentMutation = { setMyConsent:
    | { __typename: 'NotAllowed', message: string }
    | { __typename: 'NotFound', message: string }
    | { __typename: 'ProfileSaved', member: { id: string } }
    | { __typename: 'ValidationErrors', message: string, errors: Array<{ field: string, message: string }> }
   };

export type SetNoticePreferencesMutationVariables = Exact<{
  input: NoticePreferencesInput;
}>;


export type SetNoticePreferencesMutation = { setNoticePreferences:
    | { __typename: 'NotAllowed', message: string }
    | { __typename: 'NotFound', message: string }
    | { __typename: 'NoticePreferencesSaved', preferences: { ideaInvitation: boolean, introductionRequest: boolean, groupProposal: boolean } }
    | { __typename: 'ValidationErrors', message: string }
   };

export type SetSkillDescriptionMutationVariables = Exact<{
  skillId: string;
  description: string;
}>;


export type SetSkillDescriptionMutation = { setSkillDescription:
    | { __typename: 'NotAllowed', message: string }
    | { __typename: 'NotFound', message: string }
    | { __typename: 'SkillSaved', id: string, name: string, kind: string, synonyms: Array<string>, description: string }
    | { __typename: 'ValidationErrors', message: string, errors: Array<{ field: string, message: string }> }
   };

export type SignInMutationVariables = Exact<{
  input: SignInInput;
}>;


export type SignInMutation = { signIn:
    | { __typename: 'NotAllowed', message: string }
    | { __typename: 'NotFound', message: string }
    | { __typename: 'SignedIn', token: string, expiresInSeconds: number, viewer: { id: string, role: Role, name: string } }
    | { __typename: 'ValidationErrors', message: string }
   };

export type SiloCellQueryVariables = Exact<{
  dimension: SiloDimension;
  a: string;
  b: string;
}>;


export type SiloCellQuery = { analytics: { siloCell:
      | { __typename: 'SiloCell', a: string, b: string, together: number, links: Array<{ fromA: number, fromB: number, idea: { id: string, title: string, status: string } | null, group: { id: string, name: string, kind: GroupKind, status: string } | null }> }
      | { __typename: 'ValidationErrors', message: string, errors: Array<{ field: string, message: string }> }
     } };

export type SiloMapQueryVariables = Exact<{
  dimension: SiloDimension;
}>;


export type SiloMapQuery = { analytics: { siloMap: { dimension: SiloDimension, categories: Array<string>, pairs: Array<{ a: string, b: string, together: number }>, silos: Array<{ a: string, b: string, together: number }> } } };

export type SkillCurationQueryVariables = Exact<{ [key: string]: never; }>;


export type SkillCurationQuery = { skillVocabulary: Array<{ id: string, name: string, kind: string, synonyms: Array<string>, description: string }>, proposedSkills: Array<{ id: string, name: string, members: number }> };

export type SkillVocabularyQueryVariables = Exact<{ [key: string]: never; }>;


export type SkillVocabularyQuery = { skillVocabulary: Array<{ id: string, name: string, synonyms: Array<string> }> };

export type SuggestKtpQueryVariables = Exact<{
  input: PartnerInput;
}>;


export type SuggestKtpQuery = { suggestKtp:
    | { __typename: 'KtpSuggestions', excludedBy: Array<string>, rule: { round: string, minBusinessFte: number, publicSectorBusinessAllowed: boolean }, eligible: Array<{ score: number, eligible: boolean, reasons: Array<string>, business: { id: string, name: string, kind: PartnerKind, fte: number } | null, knowledgeBase: { id: string, name: string, kind: PartnerKind } | null, supervisor: { id: string, name: string, discipline: string } | null }>, ineligible: Array<{ score: number, eligible: boolean, reasons: Array<string>, business: { id: string, name: string, kind: PartnerKind, fte: number } | null, knowledgeBase: { id: string, name: string, kind: PartnerKind } | null, supervisor: { id: string, name: string, discipline: string } | null }> }
    | { __typename: 'NotAllowed', message: string }
    | { __typename: 'NotFound', message: string }
    | { __typename: 'ValidationErrors', message: string, errors: Array<{ field: string, message: string }> }
   };

export type TriadFragment = { score: number, eligible: boolean, reasons: Array<string>, business: { id: string, name: string, kind: PartnerKind, fte: number } | null, knowledgeBase: { id: string, name: string, kind: PartnerKind } | null, supervisor: { id: string, name: string, discipline: string } | null };

export type SuggestPartnersQueryVariables = Exact<{
  input: PartnerInput;
}>;


export type SuggestPartnersQuery = { suggestPartners:
    | { __typename: 'NotAllowed', message: string }
    | { __typename: 'NotFound', message: string }
    | { __typename: 'PartnerSuggestions', gaps: Array<string>, partners: Array<{ partnerId: string, name: string, kind: string, sector: string, region: string, networks: Array<string>, score: number, relevance: number, band: string, reasons: Array<string>, gapFit: Array<{ skill: string, score: number, band: string }> }> }
    | { __typename: 'ValidationErrors', message: string }
   };

export type SuggestTeamQueryVariables = Exact<{
  input: TeamInput;
}>;


export type SuggestTeamQuery = { suggestTeam:
    | { __typename: 'InfeasibleConstraints', message: string, skills: Array<string>, constraints: Array<{ kind: string, detail: string }>, screenedOut: Array<{ memberId: string, name: string, reason: string, detail: string }> }
    | { __typename: 'NotAllowed', message: string }
    | { __typename: 'NotFound', message: string }
    | { __typename: 'TeamSuggestion', skills: Array<string>, skillsDerived: boolean, method: string, shownToken: string, notOpenToMatching: number, target: { kind: string, id: string, title: string }, members: Array<{ memberId: string, name: string, discipline: string, careerStage: string, region: string, organisation: string, sector: string, relevance: number, band: string, heldIn: string, feedbackBoost: number, sigs: Array<string>, cois: Array<string>, sharedWithProposer: Array<string>, sameOrganisationAsProposer: boolean, skills: Array<{ skill: string, score: number, band: string, bestInTeam: boolean, evidence: Array<{ sourceId: string, kind: string, title: string, snippet: string, score: number, year: number }> }>, evidence: Array<{ sourceId: string, kind: string, title: string, snippet: string, score: number, year: number }>, pathToProposer: { hops: number, relationships: Array<string>, nodes: Array<{ id: string, kind: string, name: string }> } | null }>, coverage: Array<{ skill: string, score: number, covered: boolean, band: string, memberId: string | null }>, gaps: Array<{ skill: string, detail: string, bestAvailableId: string | null, bestAvailableName: string | null, bestAvailableScore: number, bestAvailableBand: string }>, whyNot: Array<{ memberId: string, name: string, reason: string, detail: string }>, score: { coverage: number, relevance: number, diversity: number, bridging: number, exposure: number, total: number } }
    | { __typename: 'ValidationErrors', message: string, errors: Array<{ field: string, message: string }> }
   };

export type ThemesQueryVariables = Exact<{ [key: string]: never; }>;


export type ThemesQuery = { themes: { nodes: Array<{ id: string, name: string, kind: ThemeKind }> } };

export type UpdateIdeaMutationVariables = Exact<{
  id: string;
  input: IdeaInput;
}>;


export type UpdateIdeaMutation = { updateIdea:
    | { __typename: 'IdeaSaved', idea: { id: string, status: string } }
    | { __typename: 'NotAllowed', message: string }
    | { __typename: 'NotFound', message: string }
    | { __typename: 'ValidationErrors', message: string, errors: Array<{ field: string, message: string }> }
   };

export type UpdateProfileMutationVariables = Exact<{
  input: ProfileInput;
}>;


export type UpdateProfileMutation = { updateMyProfile:
    | { __typename: 'NotAllowed', message: string }
    | { __typename: 'NotFound', message: string }
    | { __typename: 'ProfileSaved', member: { id: string } }
    | { __typename: 'ValidationErrors', message: string, errors: Array<{ field: string, message: string }> }
   };

export type WithdrawInvitationMutationVariables = Exact<{
  ideaId: string;
  memberId: string;
}>;


export type WithdrawInvitationMutation = { withdrawInvitation:
    | { __typename: 'IdeaSaved', idea: { id: string } }
    | { __typename: 'NotAllowed', message: string }
    | { __typename: 'NotFound', message: string }
    | { __typename: 'ValidationErrors', message: string }
   };


/** Each operation in src/graphql by name: its kind, result and variables. */
export interface Operations {
  AcceptProposedSkill: { kind: "mutation"; data: AcceptProposedSkillMutation; variables: AcceptProposedSkillMutationVariables };
  AddSkill: { kind: "mutation"; data: AddSkillMutation; variables: AddSkillMutationVariables };
  AddSkillSynonym: { kind: "mutation"; data: AddSkillSynonymMutation; variables: AddSkillSynonymMutationVariables };
  AnswerIdeaInvitation: { kind: "mutation"; data: AnswerIdeaInvitationMutation; variables: AnswerIdeaInvitationMutationVariables };
  AnswerIntroduction: { kind: "mutation"; data: AnswerIntroductionMutation; variables: AnswerIntroductionMutationVariables };
  ConfirmIdeaSkills: { kind: "mutation"; data: ConfirmIdeaSkillsMutation; variables: ConfirmIdeaSkillsMutationVariables };
  CreateIdea: { kind: "mutation"; data: CreateIdeaMutation; variables: CreateIdeaMutationVariables };
  CreateTaskGroup: { kind: "mutation"; data: CreateTaskGroupMutation; variables: CreateTaskGroupMutationVariables };
  Dashboard: { kind: "query"; data: DashboardQuery; variables: DashboardQueryVariables };
  DemoUsers: { kind: "query"; data: DemoUsersQuery; variables: DemoUsersQueryVariables };
  ExpressInterest: { kind: "mutation"; data: ExpressInterestMutation; variables: ExpressInterestMutationVariables };
  Group: { kind: "query"; data: GroupQuery; variables: GroupQueryVariables };
  GroupActivate: { kind: "mutation"; data: GroupActivateMutation; variables: GroupActivateMutationVariables };
  GroupAddMember: { kind: "mutation"; data: GroupAddMemberMutation; variables: GroupAddMemberMutationVariables };
  GroupAnswerInvitation: { kind: "mutation"; data: GroupAnswerInvitationMutation; variables: GroupAnswerInvitationMutationVariables };
  GroupClose: { kind: "mutation"; data: GroupCloseMutation; variables: GroupCloseMutationVariables };
  GroupInvitations: { kind: "query"; data: GroupInvitationsQuery; variables: GroupInvitationsQueryVariables };
  GroupLifecycle: { kind: "query"; data: GroupLifecycleQuery; variables: GroupLifecycleQueryVariables };
  GroupMembersNamed: { kind: "query"; data: GroupMembersNamedQuery; variables: GroupMembersNamedQueryVariables };
  GroupRemoveMember: { kind: "mutation"; data: GroupRemoveMemberMutation; variables: GroupRemoveMemberMutationVariables };
  GroupSendInvitations: { kind: "mutation"; data: GroupSendInvitationsMutation; variables: GroupSendInvitationsMutationVariables };
  GroupSetChair: { kind: "mutation"; data: GroupSetChairMutation; variables: GroupSetChairMutationVariables };
  GroupUpdate: { kind: "mutation"; data: GroupUpdateMutation; variables: GroupUpdateMutationVariables };
  Idea: { kind: "query"; data: IdeaQuery; variables: IdeaQueryVariables };
  IdeaInvitations: { kind: "query"; data: IdeaInvitationsQuery; variables: IdeaInvitationsQueryVariables };
  IdeaSkills: { kind: "query"; data: IdeaSkillsQuery; variables: IdeaSkillsQueryVariables };
  IdeasBoard: { kind: "query"; data: IdeasBoardQuery; variables: IdeasBoardQueryVariables };
  IntroductionRequests: { kind: "query"; data: IntroductionRequestsQuery; variables: IntroductionRequestsQueryVariables };
  InviteToIdea: { kind: "mutation"; data: InviteToIdeaMutation; variables: InviteToIdeaMutationVariables };
  Member: { kind: "query"; data: MemberQuery; variables: MemberQueryVariables };
  MemberLoad: { kind: "query"; data: MemberLoadQuery; variables: MemberLoadQueryVariables };
  MyIdeas: { kind: "query"; data: MyIdeasQuery; variables: MyIdeasQueryVariables };
  MyIntroductions: { kind: "query"; data: MyIntroductionsQuery; variables: MyIntroductionsQueryVariables };
  MyProfile: { kind: "query"; data: MyProfileQuery; variables: MyProfileQueryVariables };
  Neighbourhood: { kind: "query"; data: NeighbourhoodQuery; variables: NeighbourhoodQueryVariables };
  NoticePreferences: { kind: "query"; data: NoticePreferencesQuery; variables: NoticePreferencesQueryVariables };
  OpenCalls: { kind: "query"; data: OpenCallsQuery; variables: OpenCallsQueryVariables };
  RecordFeedback: { kind: "mutation"; data: RecordFeedbackMutation; variables: RecordFeedbackMutationVariables };
  RecordTeamShown: { kind: "mutation"; data: RecordTeamShownMutation; variables: RecordTeamShownMutationVariables };
  RejectProposedSkill: { kind: "mutation"; data: RejectProposedSkillMutation; variables: RejectProposedSkillMutationVariables };
  RequestIntroduction: { kind: "mutation"; data: RequestIntroductionMutation; variables: RequestIntroductionMutationVariables };
  SearchExpertise: { kind: "query"; data: SearchExpertiseQuery; variables: SearchExpertiseQueryVariables };
  SetConsent: { kind: "mutation"; data: SetConsentMutation; variables: SetConsentMutationVariables };
  SetNoticePreferences: { kind: "mutation"; data: SetNoticePreferencesMutation; variables: SetNoticePreferencesMutationVariables };
  SetSkillDescription: { kind: "mutation"; data: SetSkillDescriptionMutation; variables: SetSkillDescriptionMutationVariables };
  SignIn: { kind: "mutation"; data: SignInMutation; variables: SignInMutationVariables };
  SiloCell: { kind: "query"; data: SiloCellQuery; variables: SiloCellQueryVariables };
  SiloMap: { kind: "query"; data: SiloMapQuery; variables: SiloMapQueryVariables };
  SkillCuration: { kind: "query"; data: SkillCurationQuery; variables: SkillCurationQueryVariables };
  SkillVocabulary: { kind: "query"; data: SkillVocabularyQuery; variables: SkillVocabularyQueryVariables };
  SuggestKtp: { kind: "query"; data: SuggestKtpQuery; variables: SuggestKtpQueryVariables };
  SuggestPartners: { kind: "query"; data: SuggestPartnersQuery; variables: SuggestPartnersQueryVariables };
  SuggestTeam: { kind: "query"; data: SuggestTeamQuery; variables: SuggestTeamQueryVariables };
  Themes: { kind: "query"; data: ThemesQuery; variables: ThemesQueryVariables };
  UpdateIdea: { kind: "mutation"; data: UpdateIdeaMutation; variables: UpdateIdeaMutationVariables };
  UpdateProfile: { kind: "mutation"; data: UpdateProfileMutation; variables: UpdateProfileMutationVariables };
  WithdrawInvitation: { kind: "mutation"; data: WithdrawInvitationMutation; variables: WithdrawInvitationMutationVariables };
}
