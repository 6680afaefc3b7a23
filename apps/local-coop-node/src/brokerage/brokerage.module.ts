import { Module } from '@nestjs/common';

import { CareModule } from '../care';
import { BrokerageController } from './brokerage.controller';
import { BrokerageQueries } from './brokerage.queries';
import { RecordPackageGone } from './record-package-gone.use-case';
import { RecordPackageRequest } from './record-package-request.use-case';
import { RecordPlacement } from './record-placement.use-case';
import { SendAnswer } from './send-answer.use-case';
import { StartCare } from './start-care.use-case';

/** Hospital-discharge brokerage on the node: the hub's package requests, the admin's answers, gone notices, placements, and the care started from one. */
@Module({
  imports: [CareModule],
  controllers: [BrokerageController],
  providers: [BrokerageQueries, RecordPackageGone, RecordPackageRequest, RecordPlacement, SendAnswer, StartCare],
  exports: [BrokerageQueries, SendAnswer, StartCare],
})
export class BrokerageModule {}
