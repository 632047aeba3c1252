import { ApiProperty } from '@nestjs/swagger';
import { ApiTimestamp, ApiUuid } from '../../common/openapi.js';

export class CategoryView {
  @ApiUuid() id!: string;
  @ApiProperty({ example: 'relocation' }) code!: string;
  @ApiProperty({ example: 'Fjernelse af tatovering', description: 'The Danish name' })
  name!: string;
  @ApiProperty({ type: String, nullable: true, example: 'Tattoo removal', description: 'The English name, if given' })
  nameEn!: string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    example: 'Tatuoinnin poisto',
    description: 'The Finnish name, if given',
  })
  nameFi!: string | null;
  @ApiProperty() active!: boolean;
  @ApiTimestamp() createdAt!: string;
  @ApiTimestamp() updatedAt!: string;
}
