import { Body, Controller, Get, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';

import { Roles, UuidParam } from '@app/platform';

import { CatalogueQueries } from './catalogue.queries';
import { CreateCatalogueItem } from './create-catalogue-item.use-case';
import { CatalogueItemView, CreateCatalogueItemDto, UpdateCatalogueItemDto } from './purchasing.dto';
import { UpdateCatalogueItem } from './update-catalogue-item.use-case';

/** The joint-purchasing catalogue: what the consortium can buy, from whom, at which price breaks. */
@ApiTags('purchasing')
@ApiBearerAuth()
@Roles('consortium-staff')
@Controller('purchasing/catalogue')
export class CatalogueController {
  constructor(
    private readonly catalogue: CatalogueQueries,
    private readonly createItem: CreateCatalogueItem,
    private readonly updateItem: UpdateCatalogueItem,
  ) {}

  @Post()
  @ApiCreatedResponse({ type: CatalogueItemView })
  create(@Body() body: CreateCatalogueItemDto): Promise<CatalogueItemView> {
    return this.createItem.execute(body);
  }

  @Get()
  @ApiOkResponse({ type: [CatalogueItemView] })
  list(): Promise<CatalogueItemView[]> {
    return this.catalogue.list();
  }

  @Patch(':id')
  @ApiOkResponse({ type: CatalogueItemView })
  update(@UuidParam() id: string, @Body() body: UpdateCatalogueItemDto): Promise<CatalogueItemView> {
    return this.updateItem.execute(id, body);
  }
}
