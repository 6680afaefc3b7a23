import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

import { Breakdown, BREAKDOWN_DIMENSIONS, IsPeriodLabel, PERIOD_LABEL_RULE } from '@app/contracts';
import { keyedBy } from '@app/platform';

import type { ShownReviewState } from './return-review.rules';

export class ReturnPreviewQuery {
  @ApiProperty({ example: '2026-Q3', description: PERIOD_LABEL_RULE })
  @IsPeriodLabel()
  period: string;
}

export class ReturnPeriodView {
  @ApiProperty({ example: '2026-Q3' }) label: string;
  @ApiProperty({ example: '2026-07-01' }) start: string;
  @ApiProperty({ example: '2026-09-30' }) end: string;
}

export class FigureView {
  @ApiProperty({ example: 'people_supported' }) metric: string;
  @ApiPropertyOptional({
    ...keyedBy(BREAKDOWN_DIMENSIONS, 'string', 'One dimension and its value; null for the total'),
    nullable: true,
    example: { funding_type: 'self-funder' },
  })
  breakdown: Breakdown | null;
  @ApiPropertyOptional({ nullable: true, type: Number }) value: number | null;
  @ApiPropertyOptional({ description: 'Withheld by the node: a small count of people, or a cell or rate it could be recovered from' })
  suppressedOnNode?: true;
}

export class ReturnFiguresView {
  @ApiProperty({ example: 'ccm-quarterly' }) definitionId: string;
  @ApiProperty({ example: 1 }) definitionVersion: number;
  @ApiProperty() period: ReturnPeriodView;
  @ApiProperty({ type: [FigureView] }) figures: FigureView[];
}

export class ReturnProblemView {
  @ApiProperty({ example: 'RETURN.OUTSIDE_VOCABULARY' }) code: string;
  @ApiPropertyOptional({ nullable: true, type: String }) metric: string | null;
  @ApiPropertyOptional({ ...keyedBy(BREAKDOWN_DIMENSIONS, 'string', 'The cell the problem is in'), nullable: true })
  breakdown: Breakdown | null;
  @ApiProperty() message: string;
}

export class OutgoingReturnView {
  @ApiProperty({ description: 'People counts from 1 to this in a breakdown cell are withheld on the node (REPORTING_NODE_THRESHOLD)' })
  nodeThreshold: number;
  @ApiProperty({ description: 'The figures as they would be sent to the hub' })
  return: ReturnFiguresView;
}

export class ReturnPreviewView {
  @ApiProperty({ description: "The figures as the co-op's own records give them (not sent as such)" })
  figures: ReturnFiguresView;
  @ApiProperty({ type: [ReturnProblemView], description: 'What is wrong with the figures; empty when the return is valid' })
  problems: ReturnProblemView[];
  @ApiProperty()
  outgoing: OutgoingReturnView;
}

export class ReturnSentView {
  @ApiProperty({ description: 'The message that carried the return' }) messageId: string;
  @ApiProperty() sentAt: string;
  @ApiProperty({
    enum: ['pending', 'published', 'confirmed', 'rejected'],
    description: "Where the message is: 'rejected' if the hub refused it",
  })
  status: string;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'Why the hub refused it, or why sending last failed' })
  reason: string | null;
}

export class ReturnReviewStateView {
  @ApiPropertyOptional({
    nullable: true,
    enum: ['pending', 'approved', 'sent-back'],
    description: 'The review of the latest return the hub has not refused; null before any is sent',
  })
  state: ShownReviewState | null;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'The comment of the last send-back, kept after a resubmission' })
  comment: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) reviewedMessageId: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) reviewedAt: string | null;
}

export class ReturnRequestView {
  @ApiProperty() cycleId: string;
  @ApiProperty({ example: 'ccm-quarterly v1' }) definition: string;
  @ApiProperty({ type: ReturnPeriodView }) period: ReturnPeriodView;
  @ApiProperty() dueAt: string;
  @ApiProperty({ type: [ReturnSentView], description: 'Each return sent, newest first' }) returns: ReturnSentView[];
  @ApiProperty({ type: ReturnReviewStateView }) review: ReturnReviewStateView;
}

export class ReturnSubmittedView {
  @ApiProperty({ description: 'The message carrying the return to the hub' }) messageId: string;
  @ApiProperty() cycleId: string;
  @ApiProperty({ example: '2026-Q3' }) period: string;
}
