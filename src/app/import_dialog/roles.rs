//! Column roles offered per layout, and the layouts of the menu.

use super::*;
use crate::i18n::Msg;

/// What a column holds (a field of [`crate::io::import::Columns`]), or nothing.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    /// Not imported.
    Ignore,
    /// Region name, id or code.
    Region,
    /// ISO code of the region.
    Code,
    /// Channel.
    Channel,
    /// Indicator name or id.
    Indicator,
    /// Period.
    Period,
    /// Value: the value column (long layout) or one of the value columns (wide layouts).
    Value,
    /// Source id of each row.
    Source,
    /// Grade of each row.
    Grade,
    /// Sample size.
    SampleSize,
    /// Margin of error.
    Margin,
    /// Free note.
    Note,
    /// Survey: likelihood to recommend (0–10).
    Recommend,
    /// Survey: satisfaction (1–5).
    Satisfaction,
    /// Contact log: queue seconds.
    QueueS,
    /// Contact log: handling seconds.
    ServiceS,
    /// Contact log: answered / abandoned.
    Outcome,
    /// Contact log: customer key.
    Customer,
    /// Contact log: date and time.
    Timestamp,
    /// Segment: company, brand or sector.
    Segment,
    /// Threads: message id.
    MessageId,
    /// Threads: id of the message answered.
    ReplyTo,
    /// Threads: sent by the customer.
    Inbound,
    /// Threads: company or brand handle.
    Account,
    /// Threads: date and time of the message.
    CreatedAt,
    /// Tickets: ticket key.
    Ticket,
    /// Tickets: opening date and time.
    OpenedAt,
    /// Tickets: event date and time.
    EventAt,
    /// Tickets: state after the event.
    State,
    /// Tickets: resolution date and time.
    ResolvedAt,
    /// A date or timestamp column whose month is the period (`period_from`).
    DateForPeriod,
}

impl Role {
    /// Roles that name one column each, in the order they are matched.
    pub(super) const SINGLE: [Role; 29] = [
        Role::Region,
        Role::Code,
        Role::Channel,
        Role::Indicator,
        Role::Period,
        Role::Value,
        Role::Source,
        Role::Grade,
        Role::SampleSize,
        Role::Margin,
        Role::Note,
        Role::Recommend,
        Role::Satisfaction,
        Role::QueueS,
        Role::ServiceS,
        Role::Outcome,
        Role::Customer,
        Role::Timestamp,
        Role::Segment,
        Role::MessageId,
        Role::ReplyTo,
        Role::Inbound,
        Role::Account,
        Role::CreatedAt,
        Role::Ticket,
        Role::OpenedAt,
        Role::EventAt,
        Role::State,
        Role::ResolvedAt,
    ];

    /// Label in the role menus.
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Role::Ignore => Msg::Ignore.get(lang),
            Role::Region => Msg::WordRegion.get(lang),
            Role::Code => Msg::RegionCode.get(lang),
            Role::Channel => Msg::WordChannel.get(lang),
            Role::Indicator => Msg::WordIndicator.get(lang),
            Role::Period => Msg::RolePeriod.get(lang),
            Role::Value => Msg::Value.get(lang),
            Role::Source => Msg::Source.get(lang),
            Role::Grade => Msg::Grade.get(lang),
            Role::SampleSize => Msg::SampleSize.get(lang),
            Role::Margin => Msg::RoleMarginOfError.get(lang),
            Role::Note => Msg::Note.get(lang),
            Role::Recommend => Msg::Recommend010.get(lang),
            Role::Satisfaction => Msg::Satisfaction15.get(lang),
            Role::QueueS => Msg::QueueTime.get(lang),
            Role::ServiceS => Msg::HandlingTime.get(lang),
            Role::Outcome => Msg::Outcome.get(lang),
            Role::Customer => Msg::Customer.get(lang),
            Role::Timestamp => Msg::DateAndTime.get(lang),
            Role::Segment => Msg::WordSegment.get(lang),
            Role::MessageId => Msg::MessageId.get(lang),
            Role::ReplyTo => Msg::ReplyTo.get(lang),
            Role::Inbound => Msg::InboundCustomer.get(lang),
            Role::Account => Msg::Account.get(lang),
            Role::CreatedAt => Msg::CreatedAt.get(lang),
            Role::Ticket => Msg::Ticket.get(lang),
            Role::OpenedAt => Msg::OpenedAt.get(lang),
            Role::EventAt => Msg::EventAt.get(lang),
            Role::State => Msg::State.get(lang),
            Role::ResolvedAt => Msg::ResolvedAt.get(lang),
            Role::DateForPeriod => Msg::DateGivesThePeriod.get(lang),
        }
    }

    /// Roles offered for `layout`, in menu order.
    pub fn for_layout(layout: Layout) -> &'static [Role] {
        use Role::*;
        match layout {
            Layout::Long | Layout::WideYears | Layout::WideIndicators | Layout::Owid => &[
                Ignore, Region, Code, Channel, Segment, Indicator, Period, Value, Source, Grade,
                SampleSize, Margin, Note,
            ],
            Layout::SurveyAnswers => &[
                Ignore,
                Region,
                Code,
                Channel,
                Segment,
                Period,
                DateForPeriod,
                Recommend,
                Satisfaction,
                Source,
                Grade,
            ],
            Layout::ContactLog => &[
                Ignore,
                Region,
                Code,
                Channel,
                Segment,
                Period,
                DateForPeriod,
                QueueS,
                ServiceS,
                Outcome,
                Customer,
                Timestamp,
                Source,
                Grade,
            ],
            Layout::Threads => &[
                Ignore,
                Region,
                Code,
                Channel,
                Segment,
                Period,
                DateForPeriod,
                MessageId,
                ReplyTo,
                Inbound,
                Account,
                CreatedAt,
                Source,
                Grade,
            ],
            Layout::Tickets => &[
                Ignore,
                Region,
                Code,
                Channel,
                Segment,
                Period,
                DateForPeriod,
                Ticket,
                OpenedAt,
                EventAt,
                State,
                ResolvedAt,
                Source,
                Grade,
            ],
        }
    }

    /// Whether several columns may hold this role in `layout` (the value columns of wide
    /// layouts).
    pub fn multiple(self, layout: Layout) -> bool {
        self == Role::Value && is_wide(layout)
    }

    /// The field of `columns` for this role (`None` for [`Role::Ignore`]).
    pub(super) fn slot(self, c: &mut import::Columns) -> Option<&mut Option<String>> {
        Some(match self {
            Role::Ignore | Role::DateForPeriod => return None,
            Role::Region => &mut c.region,
            Role::Code => &mut c.code,
            Role::Channel => &mut c.channel,
            Role::Indicator => &mut c.indicator,
            Role::Period => &mut c.period,
            Role::Value => &mut c.value,
            Role::Source => &mut c.source,
            Role::Grade => &mut c.grade,
            Role::SampleSize => &mut c.sample_size,
            Role::Margin => &mut c.margin,
            Role::Note => &mut c.note,
            Role::Recommend => &mut c.recommend,
            Role::Satisfaction => &mut c.satisfaction,
            Role::QueueS => &mut c.queue_s,
            Role::ServiceS => &mut c.service_s,
            Role::Outcome => &mut c.outcome,
            Role::Customer => &mut c.customer,
            Role::Timestamp => &mut c.timestamp,
            Role::Segment => &mut c.segment,
            Role::MessageId => &mut c.message_id,
            Role::ReplyTo => &mut c.reply_to,
            Role::Inbound => &mut c.inbound,
            Role::Account => &mut c.account,
            Role::CreatedAt => &mut c.created_at,
            Role::Ticket => &mut c.ticket,
            Role::OpenedAt => &mut c.opened_at,
            Role::EventAt => &mut c.event_at,
            Role::State => &mut c.state,
            Role::ResolvedAt => &mut c.resolved_at,
        })
    }
}

pub(super) fn is_wide(layout: Layout) -> bool {
    matches!(
        layout,
        Layout::WideYears | Layout::WideIndicators | Layout::Owid
    )
}

/// Layouts offered, in menu order.
pub const LAYOUTS: [Layout; 8] = [
    Layout::Long,
    Layout::WideYears,
    Layout::WideIndicators,
    Layout::Owid,
    Layout::SurveyAnswers,
    Layout::ContactLog,
    Layout::Threads,
    Layout::Tickets,
];

/// Label of a layout in the layout menu.
pub fn layout_label(layout: Layout, lang: Lang) -> &'static str {
    match layout {
        Layout::Long => Msg::LongOneValuePerRow.get(lang),
        Layout::WideYears => Msg::WideOneColumnPerPeriod.get(lang),
        Layout::WideIndicators => Msg::WideOneColumnPerIndicator.get(lang),
        Layout::Owid => Msg::OurWorldInData.get(lang),
        Layout::SurveyAnswers => Msg::SurveyAnswers.get(lang),
        Layout::ContactLog => Msg::ContactLog.get(lang),
        Layout::Threads => Msg::LayoutThreads.get(lang),
        Layout::Tickets => Msg::LayoutTickets.get(lang),
    }
}
