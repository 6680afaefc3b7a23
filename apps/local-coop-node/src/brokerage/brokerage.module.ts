import { Module } from '@nestjs/common';

import { BrokerageController } from './brokerage.controller';
import { BrokerageQueries } from './brokerage.queries';
import { RecordPackageGone } from './record-package-gone.use-case';
import { RecordPackageRequest } from './record-package-request.use-case';
import { RecordPlacement } from './record-placement.use-case';
import { SendAnswer } from './send-answer.use-case';

/** Hospital-discharge brokerage on the node: the hub's package requests, the admin's answers, gone notices and placements. */
@Module({
  controllers: [BrokerageController],
  providers: [BrokerageQueries, RecordPackageGone, RecordPackageRequest, RecordPlacement, SendAnswer],
  exports: [BrokerageQueries, SendAnswer],
})
export class BrokerageModule {}
