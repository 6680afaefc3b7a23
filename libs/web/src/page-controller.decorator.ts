import { applyDecorators, Controller, UseFilters, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';

import { Public } from '@app/platform';

import { PageGuard } from './page.guard';
import { PageErrorFilter } from './page-error.filter';

/**
 * A controller of server-rendered pages: kept out of the API's OpenAPI document, signed in through the
 * page session (PageGuard, with its CSRF check) instead of the API's bearer token, and its errors shown
 * as pages. Who may see the pages is still said on each controller with `@PageRoles`.
 */
export function PageController(path?: string): ClassDecorator {
  return applyDecorators(
    ApiExcludeController(),
    Public(),
    UseGuards(PageGuard),
    UseFilters(PageErrorFilter),
    path === undefined ? Controller() : Controller(path),
  );
}
